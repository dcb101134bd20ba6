// The trending score that orders the feed and digests: recent attention beats old totals, and the order never goes stale.
//
//   points = 1 + upvotes + upvotesGrowth + 2·log2(1 + stars) + 2·log2(1 + starsGrowth)
//   score  = ln(points) + listingDay      (listingDay = whole days since 1970-01-01, UTC)
//
// This is the log of `points · e^(−age in days)`, shifted by the current day: at any instant, ordering by
// `score` is ordering by attention decayed by age, with a paper losing a factor e (about 2.7) per day. Because
// the shift is the same for every paper, the order does not depend on when it is computed. So a score only
// changes when a paper's counts do (at ingestion), never with the clock: the feed, its cursors and the digest
// all read one stored order, and nothing rescans the table to keep it current. Growth is the increase over
// the 24 h before the newest reading, so recent votes count twice. Stars are log-scaled: a 10k-star repo adds
// about as much as 27 upvotes. The base point lets zero-vote papers still order by freshness.
import { MS_PER_DAY, startOfUtcDay } from "@/core/periods/utc-date";

const BASE_POINTS = 1;
const UPVOTES_GROWTH_WEIGHT = 1;
const STARS_WEIGHT = 2;
const STARS_GROWTH_WEIGHT = 2;

export type TTrendingInput = {
  upvotes: number;
  githubStars?: number | null;
  upvotesGrowth?: number;
  starsGrowth?: number;
  /** YYYY-MM-DD, the UTC listing day. */
  listedOn: string;
};

/** Missing, negative or non-finite counts (bad scrapes) count as zero. */
function count(value: number | null | undefined): number {
  return value !== null && value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}

function trendingPoints(input: Omit<TTrendingInput, "listedOn">): number {
  return (
    BASE_POINTS +
    count(input.upvotes) +
    UPVOTES_GROWTH_WEIGHT * count(input.upvotesGrowth) +
    STARS_WEIGHT * Math.log2(1 + count(input.githubStars)) +
    STARS_GROWTH_WEIGHT * Math.log2(1 + count(input.starsGrowth))
  );
}

/** Throws RangeError when listedOn is not a valid YYYY-MM-DD date. */
export function trendingScore(input: TTrendingInput): number {
  return Math.log(trendingPoints(input)) + startOfUtcDay(input.listedOn).getTime() / MS_PER_DAY;
}
