// Feed reads against real PostgreSQL: filters, orders, keyset pages, full-text search, hidden papers, neighbours, similar papers and stored trending scores.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TIncomingPaper } from "../../src/core/ingest/merge-paper";
import { titleKey } from "../../src/core/text/title-key";
import { refreshSimilarPapers } from "../../src/server/feed/refresh-similar";
import { upsertPapers } from "../../src/server/repo/upsert-papers";
import { rescorePapers } from "../../src/server/ranking/rescore-papers";
import { listSimilarPapers } from "../../src/server/repo/paper-details";
import { findNeighbourDays } from "../../src/server/repo/paper-periods";
import { getPaper, listPapers, type TListFilters } from "../../src/server/repo/papers";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const now = new Date("2026-06-12T18:00:00Z");
const base: TListFilters = { q: undefined, category: undefined, hasCode: false, minUpvotes: 0, sort: "trending", cursor: undefined };

function paper(n: number, over: Partial<TIncomingPaper> = {}): TIncomingPaper {
  const title = over.title ?? `Paper ${n} on graph learning`;
  return {
    arxivId: `2606.${String(10000 + n)}`,
    titleKey: titleKey(title),
    title,
    abstract: `We study topic ${n}.`,
    authors: [`Author ${n}`],
    listedOn: "2026-06-10",
    upvotes: n,
    categories: ["cs.LG"],
    ...over,
  };
}

const papers: TIncomingPaper[] = [
  ...Array.from({ length: 25 }, (_, i) => paper(i + 1)),
  paper(101, {
    title: "Diffusion models for protein design",
    abstract: "A diffusion model generates protein structures.",
    authors: ["Ada Lovelace", "Alan Turing"],
    listedOn: "2026-06-01",
    upvotes: 300,
    categories: ["q-bio.BM"],
    githubUrl: "https://github.com/x/protein",
    githubStars: 50,
  }),
  paper(102, {
    title: "Video diffusion at scale",
    abstract: "Diffusion models for video generation.",
    authors: ["Grace Hopper"],
    listedOn: "2026-06-12",
    upvotes: 40,
    categories: ["cs.CV"],
  }),
  paper(103, {
    title: "Protein language models",
    abstract: "Language models of protein sequences improve structure prediction.",
    authors: ["Ada Lovelace"],
    listedOn: "2026-06-12",
    upvotes: 5,
    categories: ["q-bio.BM"],
  }),
  paper(104, { title: "Hidden diffusion paper", abstract: "Diffusion protein secret.", listedOn: "2026-06-12", upvotes: 999 }),
];

beforeAll(async () => {
  await resetDb(db);
  await upsertPapers({ db, source: "hf-daily", papers, now });
  await db.paper.update({ where: { arxivId: "2606.10104" }, data: { hidden: true } });
  await rescorePapers({ db });
  await refreshSimilarPapers({ db });
});
afterAll(() => db.$disconnect());

const ids = (list: { arxivId: string | null }[]) => list.map((p) => p.arxivId);

describe("feed lists", () => {
  it("never returns hidden papers, in any list, search, page or similar list", async () => {
    const all = await listPapers({ db, filters: base, limit: 100 });
    expect(all.papers).toHaveLength(28);
    expect(ids(all.papers)).not.toContain("2606.10104");
    const search = await listPapers({ db, filters: { ...base, q: "diffusion" }, limit: 100 });
    expect(ids(search.papers)).not.toContain("2606.10104");
    expect(await getPaper({ db, key: { arxivId: "2606.10104" } })).toBeNull();
    const similar = await listSimilarPapers({ db, paperId: (await db.paper.findUniqueOrThrow({ where: { arxivId: "2606.10101" } })).id });
    expect(ids(similar)).not.toContain("2606.10104");
  });

  it("filters by code, category and minimum upvotes", async () => {
    expect(ids((await listPapers({ db, filters: { ...base, hasCode: true }, limit: 100 })).papers)).toEqual(["2606.10101"]);
    expect(ids((await listPapers({ db, filters: { ...base, category: "q-bio.BM", sort: "top" }, limit: 100 })).papers)).toEqual(["2606.10101", "2606.10103"]);
    const min = await listPapers({ db, filters: { ...base, minUpvotes: 24 }, limit: 100 });
    expect(min.papers.every((p) => p.upvotes >= 24)).toBe(true);
    expect(min.papers).toHaveLength(4);
  });

  it("orders newest and most upvoted", async () => {
    const top = await listPapers({ db, filters: { ...base, sort: "top" }, limit: 3 });
    expect(top.papers.map((p) => p.upvotes)).toEqual([300, 40, 25]);
    const newest = await listPapers({ db, filters: { ...base, sort: "new" }, limit: 100 });
    const days = newest.papers.map((p) => p.listedOn);
    expect(days).toEqual([...days].sort().reverse());
    expect(days[0]).toBe("2026-06-12");
  });

  it("ranks by the stored trending score: a fresh paper gaining votes beats an old one with many", async () => {
    const trending = await listPapers({ db, filters: base, limit: 100 });
    const order = ids(trending.papers);
    expect(order.indexOf("2606.10102")).toBeLessThan(order.indexOf("2606.10101"));
    const scores = trending.papers.map((p) => p.trendingScore ?? 0);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it.each(["trending", "new", "top"] as const)("pages through every paper once with keyset cursors (%s)", async (sort) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i += 1) {
      const page = await listPapers({ db, filters: { ...base, sort, cursor }, limit: 6 });
      seen.push(...page.papers.map((p) => p.arxivId ?? ""));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(28);
    expect(new Set(seen).size).toBe(28);
  });

  it("rejects a malformed cursor or one from another order with a clear error", async () => {
    await expect(listPapers({ db, filters: { ...base, cursor: "not-a-cursor" }, limit: 5 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
      message: expect.stringContaining("cursor"),
    });
    const page = await listPapers({ db, filters: { ...base, sort: "top" }, limit: 5 });
    await expect(listPapers({ db, filters: { ...base, sort: "new", cursor: page.nextCursor ?? "" }, limit: 5 })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("searches with websearch syntax: phrases, exclusion, OR, ranked title first, highlighted", async () => {
    const diffusion = await listPapers({ db, filters: { ...base, q: "diffusion" }, limit: 10 });
    expect(ids(diffusion.papers).sort()).toEqual(["2606.10101", "2606.10102"]);
    expect(diffusion.papers[0]?.highlight?.title).toMatch(/\u0002diffusion\u0003/i);
    const excluded = await listPapers({ db, filters: { ...base, q: "diffusion -video" }, limit: 10 });
    expect(ids(excluded.papers)).toEqual(["2606.10101"]);
    const phrase = await listPapers({ db, filters: { ...base, q: '"protein structures"' }, limit: 10 });
    expect(ids(phrase.papers)).toEqual(["2606.10101"]);
    const either = await listPapers({ db, filters: { ...base, q: "video OR sequences" }, limit: 10 });
    expect(ids(either.papers).sort()).toEqual(["2606.10102", "2606.10103"]);
    const ranked = await listPapers({ db, filters: { ...base, q: "models" }, limit: 10 });
    expect(ids(ranked.papers)).toEqual(["2606.10103", "2606.10101", "2606.10102"]);
  });

  it("highlights the words a query matches: the whole title, and the abstract in a window around its first match", async () => {
    const filler = "Background sentences about unrelated topics fill this abstract. ".repeat(12);
    const abstract = `${filler}Our zebrafish swim faster in warm water. ${filler}`;
    await upsertPapers({ db, source: "hf-daily", papers: [paper(105, { title: "Zebrafish swimming study", abstract })], now });
    try {
      const found = await listPapers({ db, filters: { ...base, q: "zebrafish swims" }, limit: 10 });
      expect(found.papers[0]?.highlight?.title).toBe("\u0002Zebrafish\u0003 \u0002swimming\u0003 study");
      const window = found.papers[0]?.highlight?.abstract ?? "";
      expect(window).toMatch(/^… \w.*\u0002zebrafish\u0003 \u0002swim\u0003 faster in warm water\. .*\w …$/);
      expect(window.length).toBeLessThan(450);
      const newest = await listPapers({ db, filters: { ...base, q: "zebrafish", sort: "new" }, limit: 10 });
      expect(newest.papers[0]?.highlight?.abstract).toContain("\u0002zebrafish\u0003 swim faster");
      // A short abstract is shown whole, with no ellipsis.
      const short = await listPapers({ db, filters: { ...base, q: "protein structures" }, limit: 10 });
      expect(short.papers[0]?.highlight?.abstract).toBe("A diffusion model generates \u0002protein\u0003 \u0002structures\u0003.");
    } finally {
      await db.paper.delete({ where: { arxivId: "2606.10105" } });
    }
  });

  it("filters search by author, alone or with text", async () => {
    const ada = await listPapers({ db, filters: { ...base, q: "author:lovelace" }, limit: 10 });
    expect(ids(ada.papers).sort()).toEqual(["2606.10101", "2606.10103"]);
    const adaLanguage = await listPapers({ db, filters: { ...base, q: 'author:"Ada Lovelace" language' }, limit: 10 });
    expect(ids(adaLanguage.papers)).toEqual(["2606.10103"]);
    // A bare name's words are prefixes (a name still being typed); a quoted name's are whole words.
    const typed = await listPapers({ db, filters: { ...base, q: "author:lovel" }, limit: 10 });
    expect(ids(typed.papers).sort()).toEqual(["2606.10101", "2606.10103"]);
    const quotedPart = await listPapers({ db, filters: { ...base, q: 'author:"Ada Lovel"' }, limit: 10 });
    expect(quotedPart.papers).toHaveLength(0);
    const quoted = await listPapers({ db, filters: { ...base, q: 'author:"ada lovelace"' }, limit: 10 });
    expect(ids(quoted.papers).sort()).toEqual(["2606.10101", "2606.10103"]);
    const wildcard = await listPapers({ db, filters: { ...base, q: "author:%" }, limit: 10 });
    expect(wildcard.papers).toHaveLength(0);
  });

  it("reads an author: prefix among author names alone, not among the words of titles and abstracts", async () => {
    // "acc" is inside Jaccard's name and begins "accuracy": the whole search document matched it, so this paper was found.
    await upsertPapers({
      db,
      source: "hf-daily",
      papers: [paper(106, { title: "Calibrated graph accuracy", abstract: "Accuracy improves.", authors: ["Paul Jaccard"] })],
      now,
    });
    try {
      for (const sort of ["trending", "new", "top"] as const) {
        expect((await listPapers({ db, filters: { ...base, sort, q: "author:acc" }, limit: 10 })).papers, sort).toHaveLength(0);
        expect(ids((await listPapers({ db, filters: { ...base, sort, q: "author:jacc" }, limit: 10 })).papers), sort).toEqual(["2606.10106"]);
      }
      expect((await listPapers({ db, filters: { ...base, q: "author:acc accuracy" }, limit: 10 })).papers).toHaveLength(0);
      expect(ids((await listPapers({ db, filters: { ...base, q: "author:jaccard accuracy" }, limit: 10 })).papers)).toEqual(["2606.10106"]);
      // Beside words, a quoted name is looked up in the whole search document, where "graph" is a word of the title, not a name.
      for (const sort of ["trending", "new"] as const) {
        expect((await listPapers({ db, filters: { ...base, sort, q: 'author:"graph" calibrated' }, limit: 10 })).papers, sort).toHaveLength(0);
        const found = await listPapers({ db, filters: { ...base, sort, q: 'author:"Paul Jaccard" calibrated' }, limit: 10 });
        expect(ids(found.papers), sort).toEqual(["2606.10106"]);
      }
    } finally {
      await db.paper.delete({ where: { arxivId: "2606.10106" } });
    }
  });

  it("finds an author by a bare surname the English stemmer changes (Lovelace is 'lovelac' in an English query)", async () => {
    const bare = await listPapers({ db, filters: { ...base, q: "Lovelace" }, limit: 10 });
    expect(ids(bare.papers).sort()).toEqual(["2606.10101", "2606.10103"]);
    const withText = await listPapers({ db, filters: { ...base, q: "lovelace language" }, limit: 10 });
    expect(ids(withText.papers)).toEqual(["2606.10103"]);
  });

  it("restricts to a range of days and finds the neighbouring non-empty days", async () => {
    const day = await listPapers({ db, filters: base, range: { start: "2026-06-12", end: "2026-06-12" }, limit: 100 });
    expect(ids(day.papers).sort()).toEqual(["2606.10102", "2606.10103"]);
    expect(await findNeighbourDays({ db, start: "2026-06-05", end: "2026-06-05" })).toEqual({
      prevDay: "2026-06-01",
      nextDay: "2026-06-10",
      latestDay: "2026-06-12",
    });
    expect(await findNeighbourDays({ db, start: "2026-06-12", end: "2026-06-12" })).toMatchObject({ nextDay: null });
  });

  it("precomputes similar papers from shared title and abstract terms", async () => {
    const protein = await db.paper.findUniqueOrThrow({ where: { arxivId: "2606.10103" } });
    const similar = await listSimilarPapers({ db, paperId: protein.id });
    expect(ids(similar)[0]).toBe("2606.10101");
    expect(await db.paperSimilar.count({ where: { paperId: protein.id, similarId: protein.id } })).toBe(0);
  });
});
