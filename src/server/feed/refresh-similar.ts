// Precomputes "Similar papers" after ingestion, in batches, so a paper page reads its list instead of ranking on every view.
import type { Db } from "../db";
import { listSimilarTargets, replaceSimilarPapers } from "../repo/paper-similar";

const SIMILAR_PER_PAPER = 6;
const TERMS_PER_PAPER = 12;
const BATCH = 100;

/** Recomputes the given papers' lists (all visible papers when `paperIds` is omitted). Returns papers processed. */
export async function refreshSimilarPapers(opts: { db: Db; paperIds?: readonly number[] }): Promise<number> {
  let afterId = 0;
  let processed = 0;
  for (;;) {
    const ids = await listSimilarTargets({ db: opts.db, afterId, limit: BATCH, paperIds: opts.paperIds });
    const last = ids.at(-1);
    if (last === undefined) return processed;
    await replaceSimilarPapers({ db: opts.db, ids, terms: TERMS_PER_PAPER, perPaper: SIMILAR_PER_PAPER });
    processed += ids.length;
    afterId = last;
  }
}
