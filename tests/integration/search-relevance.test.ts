// Relevance search against real PostgreSQL: the score-band shortcut ranks exactly the most trending matches, its index blocks agree with src/core, title matches lead, highlights are optional.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TIncomingPaper } from "../../src/core/ingest/merge-paper";
import { allOfLexemes, foldHyphenatedWords, plainWordLexemes, trendingBlocks, trendingKey } from "../../src/core/search";
import { titleKey } from "../../src/core/text/title-key";
import { Prisma } from "../../src/generated/prisma/client";
import { upsertPapers } from "../../src/server/repo/upsert-papers";
import { estimateSearchMatches, rankedPage, type TRankCursor } from "../../src/server/repo/paper-relevance";
import { listPapers, type TListFilters } from "../../src/server/repo/papers";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const now = new Date("2026-06-12T18:00:00Z");
const base: TListFilters = { q: undefined, category: undefined, hasCode: false, minUpvotes: 0, sort: "trending", cursor: undefined };

function paper(n: number): TIncomingPaper {
  const title = n % 10 === 0 ? `Graph networks study ${n}` : `Study number ${n} of learning`;
  const rare = n <= 60 ? " A zebra appears." : "";
  return {
    arxivId: `2606.${String(20000 + n)}`,
    titleKey: titleKey(title),
    title,
    abstract: `We look at graph data${n % 3 === 0 ? " and graph models on graph benchmarks" : ""}.${rare}`,
    authors: [`Author ${n}`],
    listedOn: "2026-06-10",
    upvotes: n,
    categories: ["cs.LG"],
  };
}

beforeAll(async () => {
  await resetDb(db);
  await upsertPapers({ db, source: "hf-daily", papers: Array.from({ length: 200 }, (_, i) => paper(i + 1)), now });
  // Scores a few units apart, so the papers spread over many trending keys and the bands really split them.
  await db.$executeRaw`UPDATE papers SET "trendingScore" = 20000 + upvotes::float8 / 4`;
  await db.$executeRawUnsafe("ANALYZE papers");
});
afterAll(() => db.$disconnect());

function searchSql(text: string) {
  const tsq = Prisma.sql`(SELECT websearch_to_tsquery('english', ${text}) AS tsq) q`;
  return { from: Prisma.sql`papers p CROSS JOIN ${tsq}`, tsq, where: Prisma.sql`NOT p.hidden AND p.search @@ q.tsq` };
}

async function naiveRanking(text: string, candidates: number) {
  const rows = await db.$queryRaw<{ id: number; rank: number }[]>`
    SELECT c.id, ts_rank(c.search, websearch_to_tsquery('english', ${text}))::float8 AS rank
    FROM (SELECT id, search FROM papers WHERE NOT hidden AND search @@ websearch_to_tsquery('english', ${text})
          ORDER BY "trendingScore" DESC, id DESC LIMIT ${candidates}) c`;
  return rows.sort((a, b) => b.rank - a.rank || b.id - a.id);
}

/** The whole ranked page of `candidates`, or `limit` of them after `cursor`, as listPapers reads it: first band and page in one statement. */
function rankedIds(text: string, candidates: number, page: { cursor?: TRankCursor; limit?: number } = {}) {
  return rankedPage<{ id: number; rank: number }>(db, {
    ...searchSql(text),
    candidates,
    cursor: page.cursor ?? null,
    limit: page.limit ?? candidates,
    rowsOf: (k) => Prisma.sql`SELECT k.id, k.rank FROM ${k}`,
  });
}

/** Every candidate, read `limit` at a time through cursors. */
async function pagedIds(text: string, candidates: number, limit: number) {
  const all: { id: number; rank: number }[] = [];
  // Bounded, so a cursor that does not advance fails the comparison instead of looping.
  for (let pages = 0; pages <= candidates; pages += 1) {
    const last = all.at(-1);
    const page = await rankedIds(text, candidates, { cursor: last ? { rank: last.rank, id: last.id } : undefined, limit });
    all.push(...page);
    if (page.length < limit) break;
  }
  return all;
}

describe("relevance search", () => {
  it("estimates a search of words from the statistics as the planner does, and reads words as PostgreSQL does", async () => {
    for (const text of ["graph", "graph networks", "Zebra appears", "study of the learning", "unheard graph", "graph-networks study"]) {
      const [row] = await db.$queryRaw<{ t: string }[]>`SELECT websearch_to_tsquery('english', ${text})::text AS t`;
      const lexemes = allOfLexemes(foldHyphenatedWords(row!.t));
      if (!text.includes("-")) expect(plainWordLexemes(text), text).toEqual(lexemes);
      const planned = await estimateSearchMatches(db, searchSql(text));
      expect(await estimateSearchMatches(db, { ...searchSql(text), lexemes: lexemes! }), text).toBe(planned);
    }
    // The lexemes given are what is estimated, without the planner: "zebra" is rarer than "graph".
    const graph = await estimateSearchMatches(db, searchSql("graph"));
    expect(await estimateSearchMatches(db, { ...searchSql("graph"), lexemes: ["zebra"] })).toBeLessThan(graph);
  });

  it("ranks the same candidates as one ordered scan when the most trending band holds enough matches", async () => {
    expect(await rankedIds("graph", 5)).toEqual(await naiveRanking("graph", 5));
  });

  it("reads the rest of the matches when the band holds too few", async () => {
    expect(await rankedIds("zebra", 5)).toEqual(await naiveRanking("zebra", 5));
  });

  it("loses no paper between bands, whatever the number of candidates sizes them to, and pages through them with cursors", async () => {
    for (const candidates of [1, 2, 3, 7, 12, 25, 40, 66, 130]) {
      for (const word of ["graph", "zebra", "models"]) {
        const naive = await naiveRanking(word, candidates);
        expect(await rankedIds(word, candidates), `${word}, ${candidates}`).toEqual(naive);
        expect(await pagedIds(word, candidates, 4), `${word}, ${candidates}, pages of 4`).toEqual(naive);
      }
    }
  });

  it("reads every key between bands when the estimate sends it through several (the top papers hidden after ANALYZE)", async () => {
    // The statistics still count the hidden papers as matches, so the first bands are sized for matches that are not there and the
    // top visible papers sit right at band boundaries.
    await db.$executeRaw`UPDATE papers SET hidden = true WHERE upvotes > 130`;
    try {
      for (const candidates of [1, 3, 5, 9, 30]) {
        const naive = await naiveRanking("graph", candidates);
        expect(await rankedIds("graph", candidates), `graph, ${candidates}`).toEqual(naive);
        expect(await pagedIds("graph", candidates, 2), `graph, ${candidates}, pages of 2`).toEqual(naive);
      }
    } finally {
      await db.$executeRaw`UPDATE papers SET hidden = false`;
    }
  });

  it("ranks an author filter as one ordered scan does, its estimate read per word of the name", async () => {
    // A name the planner would estimate as the product of its words' frequencies, on most papers, beside common words.
    await db.$executeRaw`UPDATE papers SET authors = ARRAY['Kai Liu', 'Author ' || id] WHERE upvotes % 4 <> 0`;
    await db.$executeRawUnsafe("ANALYZE papers");
    try {
      const naive = async (text: string, name: string) =>
        (
          await db.$queryRaw<{ id: number }[]>`
            SELECT c.id FROM (SELECT id, search FROM papers
                              WHERE NOT hidden AND search @@ websearch_to_tsquery('english', ${text})
                                AND EXISTS (SELECT 1 FROM unnest(authors) a WHERE a ILIKE ${`%${name}%`})
                              ORDER BY "trendingScore" DESC, id DESC LIMIT 200) c
            ORDER BY ts_rank(c.search, websearch_to_tsquery('english', ${text})) DESC, c.id DESC LIMIT 20`
        ).map((r) => r.id);
      const listed = async (q: string) => (await listPapers({ db, filters: { ...base, q }, limit: 20, highlight: false })).papers.map((p) => p.id);
      expect(await listed('author:"Kai Liu" graph')).toEqual(await naive("graph", "Kai Liu"));
      expect(await listed("author:kai graph models")).toEqual(await naive("graph models", "kai"));
      expect(await listed('author:"Kai Liu" zebra')).toEqual(await naive("zebra", "Kai Liu"));
      // Two filters (every paper with one has the other); names past the estimate's eight readings are read as written, and a query of
      // many names is answered, not expanded into every choice of their words (twelve four-word names: 16.7 million).
      expect(await listed("author:kai author:liu graph")).toEqual(await naive("graph", "Kai Liu"));
      expect(await listed('author:"Kai Liu Ann" author:"Bo Cy Di" graph')).toEqual([]);
      const many = Array.from({ length: 12 }, (_, i) => `author:k${i}.l${i}.m${i}.n${i}`).join(" ");
      expect(await listed(`${many} graph`)).toEqual([]);
    } finally {
      await db.$executeRaw`UPDATE papers SET authors = ARRAY['Author ' || (upvotes)]`;
      await db.$executeRawUnsafe("ANALYZE papers");
    }
  });

  it("indexes each paper under the blocks src/core builds for a band holding its trending key, and no others", async () => {
    const scores = [20_512.25, 20_512, 20_511.999, 20_400.5, 19_000.1, 0.5, -3, 40_000];
    const bands: [number, number][] = [
      [0, 12_257],
      [12_256, 12_258],
      [12_000, 14_000],
      [13_768, 13_769],
      [16_384, 2 ** 24],
    ];
    for (const score of scores) {
      const [row] = await db.$queryRaw<{ key: number; hits: boolean[] }[]>`
        SELECT paper_trending_key(${score}::float8) AS key,
               ARRAY(SELECT paper_trending_blocks(${score}::float8) && b.blocks
                     FROM jsonb_to_recordset(${JSON.stringify(bands.map(([lo, hi]) => ({ blocks: trendingBlocks(lo, hi) })))}::jsonb) AS b(blocks int4[])) AS hits`;
      const key = trendingKey(score);
      expect(row?.key, `score ${score}`).toBe(key);
      expect(row?.hits, `score ${score}`).toEqual(bands.map(([lo, hi]) => key >= lo && key < hi));
    }
  });

  it("lists a search of words without asking the planner, and asks it when a filter narrows the search too", async () => {
    const statements: string[] = [];
    // The same client, with each raw statement's first words noted.
    const watched = new Proxy(db, {
      get: (target, key) =>
        key === "$queryRaw"
          ? (strings: TemplateStringsArray, ...values: unknown[]) => {
              statements.push(strings[0]!.trim());
              return target.$queryRaw(strings, ...values);
            }
          : Reflect.get(target, key),
    });
    const explains = () => statements.filter((text) => text.startsWith("EXPLAIN")).length;
    expect((await listPapers({ db: watched, filters: { ...base, q: "graph networks" }, limit: 20 })).papers.length).toBeGreaterThan(0);
    for (const q of ["graph networks", "graph-networks study"]) {
      await listPapers({ db: watched, filters: { ...base, q }, limit: 20 });
      expect(explains(), q).toBe(0);
    }
    await listPapers({ db: watched, filters: { ...base, q: "graph networks", category: "cs.LG" }, limit: 20 });
    expect(explains()).toBe(1);
  });

  it("puts title matches first, and highlights only when asked", async () => {
    const page = await listPapers({ db, filters: { ...base, q: "graph" }, limit: 20 });
    expect(page.papers.slice(0, 20).map((p) => p.title.startsWith("Graph"))).toEqual(Array.from({ length: 20 }, () => true));
    expect(page.papers[0]?.highlight?.title).toMatch(/\u0002Graph\u0003/);
    const plain = await listPapers({ db, filters: { ...base, q: "graph" }, limit: 20, highlight: false });
    expect(plain.papers.map((p) => p.id)).toEqual(page.papers.map((p) => p.id));
    expect(plain.papers.every((p) => p.highlight === undefined)).toBe(true);
  });

  it("pages through relevance order with cursors, without repeats", async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listPapers({ db, filters: { ...base, q: "graph", cursor }, limit: 30, highlight: false });
      seen.push(...page.papers.map((p) => p.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(200);
    expect(new Set(seen).size).toBe(200);
  });
});
