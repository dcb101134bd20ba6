// The trending score that orders the feed and digests: recent attention beats old totals.
//
//   points = 1 + upvotes + upvotesGrowth + 2·log2(1 + stars) + 2·log2(1 + starsGrowth)
//   score  = points / (ageHours + 2)^1.8
//
// ageHours counts from 00:00 UTC of listedOn. Growth is the increase over the last ~24 h, so a
// recent vote counts twice. Stars are log-scaled: a 10k-star repo adds about as much as 27 upvotes.
// The base point lets zero-vote papers still order by freshness. Scores only compare when computed
// with the same `now`, so a stored score must be recomputed periodically.
import { MS_PER_DAY, startOfUtcDay } from "@/core/periods/utc-date";

export const GRAVITY = 1.8;
export const AGE_OFFSET_HOURS = 2;
export const BASE_POINTS = 1;
export const UPVOTES_GROWTH_WEIGHT = 1;
export const STARS_WEIGHT = 2;
export const STARS_GROWTH_WEIGHT = 2;

const MS_PER_HOUR = MS_PER_DAY / 24;

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

/** Hours since the listing day began, never negative (a paper listed "tomorrow" is brand new). */
export function ageHours(listedOn: string, now: Date): number {
  return Math.max(0, (now.getTime() - startOfUtcDay(listedOn).getTime()) / MS_PER_HOUR);
}

/** Throws RangeError when listedOn is not a valid YYYY-MM-DD date. */
export function trendingScore(input: TTrendingInput, now: Date): number {
  const points =
    BASE_POINTS +
    count(input.upvotes) +
    UPVOTES_GROWTH_WEIGHT * count(input.upvotesGrowth) +
    STARS_WEIGHT * Math.log2(1 + count(input.githubStars)) +
    STARS_GROWTH_WEIGHT * Math.log2(1 + count(input.starsGrowth));
  return points / Math.pow(ageHours(input.listedOn, now) + AGE_OFFSET_HOURS, GRAVITY);
}
