// What follows a successful write: the trending score and similar papers of changed papers, the search indexes' pending entries
// merged, then the announcement that drops every web process's cached pages.
import type { Db } from "../db";
import { refreshSimilarPapers } from "../feed/refresh-similar";
import { logger } from "../logger";
import { rescorePapers } from "../ranking/rescore-papers";
import { announceFeedChange } from "../repo/feed-changes";
import { mergePendingSearchEntries } from "../repo/search-index";

/** Runs before the run is marked finished, so a succeeded run's papers are already on every instance's front page. */
export async function afterIngest(opts: { db: Db; reason: string; changedIds: number[] }): Promise<{ rescored: number; announced: boolean }> {
  if (opts.changedIds.length === 0) return { rescored: 0, announced: false };
  const rescored = await rescorePapers({ db: opts.db, paperIds: opts.changedIds });
  await refreshSimilarPapers({ db: opts.db, paperIds: opts.changedIds });
  // Before the announcement, so the first searches of the new papers do not read them from the pending list. Only a speed-up: a
  // failure (a database role that does not own the indexes) leaves the entries pending, as before, and the run goes on.
  await mergePendingSearchEntries({ db: opts.db }).catch((err: unknown) => logger.warn({ err }, "search index pending entries not merged"));
  await announceFeedChange({ db: opts.db, reason: opts.reason });
  return { rescored, announced: true };
}
