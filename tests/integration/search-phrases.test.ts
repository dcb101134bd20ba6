// Phrase search through the adjacent-pair index against real PostgreSQL: it finds exactly what `search @@ query` finds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TIncomingPaper } from "../../src/core/ingest/merge-paper";
import { titleKey } from "../../src/core/text/title-key";
import { upsertPapers } from "../../src/server/repo/upsert-papers";
import { listPapers, textCondition, type TListFilters } from "../../src/server/repo/papers";
import { Prisma } from "../../src/generated/prisma/client";
import { searchLexemeStatistics } from "../../src/server/repo/paper-relevance";
import { lexemeShare, rarePhraseWord, requiredPairLexemes } from "../../src/core/search";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const now = new Date("2026-06-12T18:00:00Z");
const base: TListFilters = { q: undefined, category: undefined, hasCode: false, minUpvotes: 0, sort: "new", cursor: undefined };

const PAPERS: [string, string, string][] = [
  ["2606.30001", "Adders in hardware", "We measure actual addition in ripple-carry adders."],
  ["2606.30002", "Costs of arithmetic", "The actual cost of an addition is low."],
  ["2606.30003", "Auto-grading at scale", "Grading programs written by students."],
  ["2606.30004", "Grading auto exercises", "Auto exercises and grading rubrics, not automatic."],
  ["2606.30005", "State of the art detectors", "Object detection, again."],
  ["2606.30006", "The art of state machines", "State the art of the matter."],
  ["2606.30007", "Robust", "Models survive noise when trained with care."],
  ["2606.30008", "Links in abstracts", "Code lives at http://example.com/it's\\x for now."],
  ["2606.30009", "A zebra study", "Striped actual addition of zebras."],
];

function paper([arxivId, title, abstract]: [string, string, string], i: number): TIncomingPaper {
  return { arxivId, titleKey: titleKey(title), title, abstract, authors: [`Author ${i}`], listedOn: "2026-06-10", upvotes: i, categories: ["cs.LG"] };
}

async function found(q: string): Promise<string[]> {
  const page = await listPapers({ db, filters: { ...base, q }, limit: 50, highlight: false });
  return page.papers.map((p) => p.arxivId ?? "").sort();
}

async function matchedByPostgres(q: string): Promise<string[]> {
  const rows = await db.$queryRaw<{ arxivId: string }[]>`SELECT "arxivId" FROM papers WHERE search @@ websearch_to_tsquery('english', ${q})`;
  return rows.map((r) => r.arxivId).sort();
}

beforeAll(async () => {
  await resetDb(db);
  await upsertPapers({ db, source: "hf-daily", papers: PAPERS.map(paper), now });
});
afterAll(() => db.$disconnect());

describe("phrase search", () => {
  it("finds a phrase only where its words stand side by side", async () => {
    expect(await found('"actual addition"')).toEqual(["2606.30001", "2606.30009"]);
    expect(await found("actual addition")).toEqual(["2606.30001", "2606.30002", "2606.30009"]);
  });

  it("matches hyphenated words, phrases across a stopword, and phrases across title and abstract as PostgreSQL does", async () => {
    expect(await found("auto-grading")).toEqual(["2606.30003"]);
    expect(await found('"state of the art"')).toEqual(["2606.30005"]);
    expect(await found('"robust models"')).toEqual(await matchedByPostgres('"robust models"'));
    expect(await found('"robust models"')).toEqual(["2606.30007"]);
  });

  it("matches a phrase beside words that stand alone, or are left out, as PostgreSQL does", async () => {
    const queries = [
      '"actual addition" carry',
      '"actual addition" addition',
      '"actual addition" -carry',
      'auto-grading "state of the art"',
      '"robust models" zebra',
    ];
    for (const q of queries) expect({ q, ids: await found(q) }).toEqual({ q, ids: await matchedByPostgres(q) });
    expect((await found('"actual addition" addition')).length).toBeGreaterThan(0);
  });

  it("matches lexemes holding quotes and backslashes", async () => {
    expect(await found("example.com/it's\\x")).toEqual(["2606.30008"]);
  });

  it("keeps OR alternatives and exclusions exact", async () => {
    const queries = [
      '"actual addition" OR auto-grading',
      'zebra OR "state of the art"',
      'addition -"actual addition"',
      "-auto-grading grading",
      '"ripple-carry adders" OR robust',
    ];
    for (const q of queries) expect({ q, ids: await found(q) }).toEqual({ q, ids: await matchedByPostgres(q) });
    expect(await found('"actual addition" OR auto-grading')).toEqual(["2606.30001", "2606.30003", "2606.30009"]);
    expect(await found('addition -"actual addition"')).toEqual(["2606.30002"]);
  });

  it("refuses a search that only leaves words out, in any alternative, unless an author filter narrows it", async () => {
    for (const q of ["-robust", '-"actual addition" -zebra', "zebra OR -robust", "the -robust"]) {
      for (const sort of ["new", "trending"] as const) {
        await expect(listPapers({ db, filters: { ...base, sort, q }, limit: 50, highlight: false }), q).rejects.toMatchObject({
          code: "INVALID_INPUT",
          userMessage: expect.stringContaining("Add a word to search for"),
        });
      }
    }
    expect(await found('author:"Author 6" -zebra')).toEqual(["2606.30007"]);
  });

  it("refuses a search whose every word PostgreSQL leaves out (common words, symbols), which matched nothing and said nothing", async () => {
    for (const q of ["the", "-the", "the of and", "🦜", "\u200b", "🦜 -the", 'author:"Author 6" the']) {
      for (const sort of ["new", "trending"] as const) {
        await expect(listPapers({ db, filters: { ...base, sort, q }, limit: 50, highlight: false }), q).rejects.toMatchObject({
          code: "INVALID_INPUT",
          userMessage: expect.stringContaining("Add a word to search for"),
        });
      }
    }
    expect(await found("the zebra")).toEqual(await matchedByPostgres("zebra"));
  });

  it("finds the same papers in relevance order", async () => {
    const page = await listPapers({ db, filters: { ...base, sort: "trending", q: '"actual addition"' }, limit: 50, highlight: false });
    expect(page.papers.map((p) => p.arxivId).sort()).toEqual(["2606.30001", "2606.30009"]);
  });
});

describe("a search for an arXiv id", () => {
  const ids = async (q: string, sort: TListFilters["sort"] = "trending") =>
    (await listPapers({ db, filters: { ...base, q, sort }, limit: 50 })).papers.map((p) => p.arxivId);

  it("finds the paper however the id is written, which its words alone never would", async () => {
    expect(await matchedByPostgres("2606.30005")).toEqual([]);
    for (const q of [
      "2606.30005",
      " arXiv:2606.30005v2 ",
      "https://arxiv.org/abs/2606.30005",
      "https://huggingface.co/papers/2606.30005",
      "arxiv.org/pdf/2606.30005v1.pdf",
    ]) {
      expect(await ids(q), q).toEqual(["2606.30005"]);
    }
    expect(await ids("2606.30005", "top")).toEqual(["2606.30005"]);
    expect(await ids('author:"Author 4" 2606.30005')).toEqual(["2606.30005"]);
    expect(await ids('author:"Author 3" 2606.30005')).toEqual([]);
  });

  it("finds nothing for an id not held or a paper hidden, and reads an id among other words as words", async () => {
    expect(await ids("2606.39999")).toEqual([]);
    expect(await ids("2606.30005 detectors")).toEqual([]);
    await db.paper.update({ where: { arxivId: "2606.30005" }, data: { hidden: true } });
    try {
      expect(await ids("2606.30005")).toEqual([]);
    } finally {
      await db.paper.update({ where: { arxivId: "2606.30005" }, data: { hidden: false } });
    }
  });
});

describe("words written in angle brackets", () => {
  // PostgreSQL's parser reads "<think>" as an XML tag and drops it, and "a<b and x>y" as one tag from "<" to ">": these words were in
  // no paper's search document, though LLM papers name their special tokens so.
  const TOKENS: TIncomingPaper = {
    arxivId: "2606.30020",
    titleKey: titleKey("Learning when to emit <think> tokens"),
    title: "Learning when to emit <think> tokens",
    abstract: "Decoding stops at <eos> or <|im_end|>; the bound a<b holds whenever quokka>y.",
    authors: ["Ada <Lovelace>"],
    listedOn: "2026-06-10",
    upvotes: 3,
    categories: ["cs.CL"],
  };

  beforeAll(async () => {
    await upsertPapers({ db, source: "hf-daily", papers: [TOKENS], now });
  });

  it("finds a paper by a word it writes between < and >, alone, in a phrase or as written, and highlights it", async () => {
    for (const q of ["think", "<think>", '"emit <think> tokens"', "eos", "im_end", "quokka", "lovelace", "author:Lovelace"]) {
      expect(await found(q), q).toEqual(["2606.30020"]);
    }
    const [hit] = (await listPapers({ db, filters: { ...base, q: "think" }, limit: 5 })).papers;
    expect(hit?.highlight?.title).toBe("Learning when to emit <\u0002think\u0003> tokens");
  });
});

describe("a phrase whose words the statistics know", () => {
  // A client of its own: the statistics are read once a minute per client, and the one above read them before any ANALYZE.
  const analyzed = testDb();
  const foundWith = async (q: string) =>
    (await listPapers({ db: analyzed, filters: { ...base, q }, limit: 50, highlight: false })).papers.map((p) => p.arxivId ?? "").sort();

  beforeAll(async () => {
    // Papers enough that the words of the phrases below are each in under 10% of them, so their rarest word is looked up beside the pairs.
    const fillers = Array.from({ length: 400 }, (_, i) =>
      paper([`2607.${String(40000 + i)}`, `Filler study number ${i}`, `Common models learn common data with care ${i}.`], i),
    );
    await upsertPapers({ db, source: "hf-daily", papers: fillers, now });
    await db.$executeRawUnsafe("ANALYZE papers");
  });
  afterAll(() => analyzed.$disconnect());

  it("still finds exactly what PostgreSQL finds once a phrase's rare word narrows it, quotes and backslashes included", async () => {
    const stats = await searchLexemeStatistics(analyzed);
    expect(stats).not.toBeNull();
    for (const word of ["actual", "addit", "zebra", "ripple-carri", "robust", "stripe"]) expect(lexemeShare(stats!, word), word).toBeLessThanOrEqual(0.01);
    // The statistics name lexemes as the printed query does, so the rare word is found (and looked up beside the pairs).
    const [printed] = await analyzed.$queryRaw<{ t: string }[]>`SELECT websearch_to_tsquery('english', '"striped actual" robust')::text AS t`;
    expect(rarePhraseWord(requiredPairLexemes(printed!.t), stats!, 0.1)).toBe("'stripe'");
    const queries = [
      '"actual addition"',
      '"actual addition" carry',
      '"actual addition" -carry',
      '"robust models"',
      '"common models" zebra',
      '"ripple-carry adders" OR robust',
      '"striped actual" OR "state of the art"',
      "example.com/it's\\x",
    ];
    for (const q of queries) expect({ q, ids: await foundWith(q) }).toEqual({ q, ids: await matchedByPostgres(q) });
    expect(await foundWith('"actual addition"')).toEqual(["2606.30001", "2606.30009"]);
  });

  it("reads a phrase as conditions that each hold for its every match: the walk's without the rare word, the estimate's readings", async () => {
    const ids = async (q: string, condition: Prisma.Sql) =>
      (
        await analyzed.$queryRaw<{ arxivId: string }[]>`
          SELECT p."arxivId" FROM papers p CROSS JOIN (SELECT websearch_to_tsquery('english', ${q}) AS tsq) q WHERE NOT p.hidden AND ${condition}`
      )
        .map((r) => r.arxivId)
        .sort();
    for (const q of ['"actual addition" carry', '"striped actual addition"', '"ripple-carry adders"', '"actual addition" OR "state of the art"']) {
      const text = await textCondition(analyzed, q, false);
      const matches = await matchedByPostgres(q);
      expect({ q, ids: await ids(q, text.sql) }).toEqual({ q, ids: matches });
      // Each of these phrases has a word under 10% of the papers, looked up beside the pairs and left out of the walk.
      expect(text.walkSql, q).toBeDefined();
      expect({ q, ids: await ids(q, text.walkSql!) }).toEqual({ q, ids: matches });
      expect(text.readings?.length, q).toBeGreaterThan(0);
      for (const reading of text.readings!)
        expect(
          (await ids(q, reading)).filter((id) => matches.includes(id)),
          q,
        ).toEqual(matches);
    }
  });

  it("pages a common phrase by newest and by top as PostgreSQL orders its matches", async () => {
    for (const [sort, order] of [
      ["new", `"listedOn" DESC, id DESC`],
      ["top", `upvotes DESC, id DESC`],
    ] as const) {
      const page = await listPapers({ db: analyzed, filters: { ...base, sort, q: '"common models"' }, limit: 30, highlight: false });
      const rows = await db.$queryRawUnsafe<{ arxivId: string }[]>(
        `SELECT "arxivId" FROM papers WHERE search @@ websearch_to_tsquery('english', '"common models"') ORDER BY ${order} LIMIT 30`,
      );
      expect(
        page.papers.map((p) => p.arxivId),
        sort,
      ).toEqual(rows.map((r) => r.arxivId));
      expect(page.nextCursor, sort).not.toBeNull();
    }
  });
});
