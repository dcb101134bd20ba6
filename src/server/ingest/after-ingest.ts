// What follows a successful write: refresh the trending score and similar papers of changed papers, then tell the web app to drop cached feeds.
import type { Db } from "../db";
import { refreshSimilarPapers } from "../feed/refresh-similar";
import { postCronEndpoint } from "../http/post-cron-endpoint";
import { rescorePapers } from "../ranking/rescore-papers";
import { logger } from "../logger";

export type TRevalidate = () => Promise<void>;

/** Inside the Next server: revalidate its cache directly. Elsewhere (a worker): ask the web app to, over HTTP. */
export function defaultRevalidate(opts: { appUrl: string; cronSecret: string }): TRevalidate {
  return async () => {
    if (process.env.NEXT_RUNTIME) {
      const { revalidateFeed } = await import("../feed/revalidate-feed");
      return revalidateFeed(opts.cronSecret);
    }
    await postCronEndpoint(`${opts.appUrl}/api/revalidate`, opts.cronSecret);
  };
}

/** Best-effort: a failed revalidation is logged, never fails the run (the feed catches up on its own schedule). */
export async function afterIngest(opts: { db: Db; changedIds: number[]; revalidate?: TRevalidate }): Promise<{ rescored: number; revalidated: boolean }> {
  if (opts.changedIds.length === 0) return { rescored: 0, revalidated: false };
  const rescored = await rescorePapers({ db: opts.db, paperIds: opts.changedIds });
  await refreshSimilarPapers({ db: opts.db, paperIds: opts.changedIds });
  if (!opts.revalidate) return { rescored, revalidated: false };
  try {
    await opts.revalidate();
    return { rescored, revalidated: true };
  } catch (err) {
    logger.warn({ err }, "feed revalidation after ingestion failed");
    return { rescored, revalidated: false };
  }
}
