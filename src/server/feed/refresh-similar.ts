// Precomputes "Similar papers" after ingestion, in batches, so a paper page reads its list instead of ranking on every view.
import type { Db } from "../db";
import { listSimilarTargets, replaceSimilarPapers } from "../repo/paper-similar";

const SIMILAR_PER_PAPER = 6;
const TERMS_PER_PAPER = 12;
/** Papers ranked per paper: bounds the work per paper however many papers share its terms. */
const CANDIDATES_PER_PAPER = 50;
const BATCH = 100;
/** A batch of 100 takes about half a second at 100,000 papers (bench: see README), this leaves room for a loaded machine and the lock wait. */
const BATCH_TIMEOUT_MS = 60_000;

/** Recomputes the given papers' lists (all visible papers when `paperIds` is omitted). Returns papers processed. */
export async function refreshSimilarPapers(opts: { db: Db; paperIds?: readonly number[] }): Promise<number> {
  let afterId = 0;
  let processed = 0;
  for (;;) {
    const ids = await listSimilarTargets({ db: opts.db, afterId, limit: BATCH, paperIds: opts.paperIds });
    const last = ids.at(-1);
    if (last === undefined) return processed;
    await replaceSimilarPapers({
      db: opts.db,
      ids,
      terms: TERMS_PER_PAPER,
      candidates: CANDIDATES_PER_PAPER,
      perPaper: SIMILAR_PER_PAPER,
      timeoutMs: BATCH_TIMEOUT_MS,
    });
    processed += ids.length;
    afterId = last;
  }
}
