// Listing days around a period, so day/week/month pages can step over days with no papers.
import type { Db } from "../db";

export type TNeighbourDays = { prevDay: string | null; nextDay: string | null; latestDay: string | null };

export async function findNeighbourDays(opts: { db: Db; start: string; end: string }): Promise<TNeighbourDays> {
  const [row] = await opts.db.$queryRaw<TNeighbourDays[]>`
    SELECT
      (SELECT to_char(max("listedOn"), 'YYYY-MM-DD') FROM papers WHERE NOT hidden AND "listedOn" < ${opts.start}::date) AS "prevDay",
      (SELECT to_char(min("listedOn"), 'YYYY-MM-DD') FROM papers WHERE NOT hidden AND "listedOn" > ${opts.end}::date) AS "nextDay",
      (SELECT to_char(max("listedOn"), 'YYYY-MM-DD') FROM papers WHERE NOT hidden) AS "latestDay"`;
  return row ?? { prevDay: null, nextDay: null, latestDay: null };
}

/** Every listing day with at least one visible paper, newest first (for the sitemap). */
export async function listListingDays(opts: { db: Db; limit: number }): Promise<string[]> {
  const rows = await opts.db.$queryRaw<{ day: string }[]>`
    SELECT DISTINCT to_char("listedOn", 'YYYY-MM-DD') AS day FROM papers WHERE NOT hidden ORDER BY day DESC LIMIT ${opts.limit}`;
  return rows.map((r) => r.day);
}

/** The newest listing day with a visible paper, or null on an empty feed. */
export async function findLatestListingDay(opts: { db: Db }): Promise<string | null> {
  const [row] = await opts.db.$queryRaw<{ day: string | null }[]>`SELECT to_char(max("listedOn"), 'YYYY-MM-DD') AS day FROM papers WHERE NOT hidden`;
  return row?.day ?? null;
}
