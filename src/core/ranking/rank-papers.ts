// Orders papers by trending score at one instant, for the feed, the recompute job and digests.
import type { TPaper } from "@/core/paper";
import type { TGrowth } from "./growth-from";
import { trendingScore } from "./trending-score";

export type TRankable = Pick<TPaper, "id" | "upvotes" | "githubStars" | "listedOn">;

/**
 * Returns copies of the papers with `trendingScore` set, highest first. Ties break on upvotes,
 * then on id, so the order is total and stable across runs.
 */
export function rankPapers<T extends TRankable>(
  papers: readonly T[],
  now: Date,
  metricsByPaper?: ReadonlyMap<number, Partial<TGrowth>>,
): Array<T & { trendingScore: number }> {
  return papers
    .map((paper) => {
      const growth = metricsByPaper?.get(paper.id);
      const score = trendingScore(
        {
          upvotes: paper.upvotes,
          githubStars: paper.githubStars,
          listedOn: paper.listedOn,
          upvotesGrowth: growth?.upvotesGrowth,
          starsGrowth: growth?.starsGrowth,
        },
        now,
      );
      return { ...paper, trendingScore: score };
    })
    .sort((a, b) => b.trendingScore - a.trendingScore || b.upvotes - a.upvotes || a.id - b.id);
}
