// Similar papers against real PostgreSQL: neighbours share a paper's most salient terms, and only a bounded candidate set is ranked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TIncomingPaper } from "../../src/core/ingest/merge-paper";
import { titleKey } from "../../src/core/text/title-key";
import { refreshSimilarPapers } from "../../src/server/feed/refresh-similar";
import { listSimilarPapers } from "../../src/server/repo/paper-details";
import { replaceSimilarPapers } from "../../src/server/repo/paper-similar";
import { upsertPapers } from "../../src/server/repo/upsert-papers";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const now = new Date("2026-06-12T18:00:00Z");

function paper(n: number, title: string, abstract: string): TIncomingPaper {
  return {
    arxivId: `2606.${String(20000 + n)}`,
    titleKey: titleKey(title),
    title,
    abstract,
    authors: [`Author ${n}`],
    listedOn: "2026-06-10",
    upvotes: n,
    categories: ["cs.LG"],
  };
}

const TARGET = "2606.20001";
const SHARES_PROTEIN_FOLDING = "2606.20002";
const SHARES_SPARSE_ROUTING = "2606.20003";
const FILLERS = 60;

beforeAll(async () => {
  await resetDb(db);
  await upsertPapers({
    db,
    source: "hf-daily",
    now,
    papers: [
      paper(1, "Sparse routing for protein folding", "Sparse routing of protein folding. We train deep learning models."),
      paper(2, "Protein folding benchmarks", "Protein folding with deep learning models."),
      paper(3, "Sparse routing in transformers", "Sparse routing with deep learning models."),
      // Every filler shares the target's common words, as most of a large corpus shares "model" and "learning".
      ...Array.from({ length: FILLERS }, (_, i) => paper(100 + i, `Deep learning models study ${i}`, `Deep learning models for topic ${i}.`)),
    ],
  });
  // The document frequencies that make common words the least salient come from ANALYZE's statistics.
  await db.$executeRaw`ANALYZE papers`;
  await refreshSimilarPapers({ db });
});
afterAll(() => db.$disconnect());

const idOf = async (arxivId: string) => (await db.paper.findUniqueOrThrow({ where: { arxivId } })).id;
const similarTo = async (arxivId: string) => (await listSimilarPapers({ db, paperId: await idOf(arxivId) })).map((p) => p.arxivId);

describe("similar papers", () => {
  it("ranks the papers sharing two of its distinctive title terms first", async () => {
    const similar = await similarTo(TARGET);
    expect(new Set(similar.slice(0, 2))).toEqual(new Set([SHARES_PROTEIN_FOLDING, SHARES_SPARSE_ROUTING]));
    expect(similar).toHaveLength(6);
  });

  it("gives a paper whose words are in every other paper a full list", async () => {
    const similar = await similarTo("2606.20100");
    expect(similar).toHaveLength(6);
    expect(similar).not.toContain("2606.20100");
  });

  it("ranks no more than the candidate bound, however many papers match", async () => {
    const id = await idOf("2606.20100");
    await replaceSimilarPapers({ db, ids: [id], terms: 12, candidates: 2, perPaper: 6, timeoutMs: 10_000 });
    expect(await db.paperSimilar.count({ where: { paperId: id } })).toBe(2);
  });
});
