// The search results page's props: highlighted windows, without the whole abstracts no card shows (they were most of a cached entry).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { feedViewSegment } from "../../src/core/search";
import { titleKey } from "../../src/core/text/title-key";
import { upsertPapers } from "../../src/server/repo/upsert-papers";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";

const db = testDb();

beforeAll(async () => {
  await resetDb(db);
  const papers = [1, 2, 3].map((n) => {
    const title = `Graph study ${n}`;
    return {
      arxivId: `2606.${30000 + n}`,
      titleKey: titleKey(title),
      title,
      abstract: `${"Background sentences about other matters. ".repeat(20)}We propose a graph method number ${n}.`,
      authors: [`Author ${n}`],
      listedOn: "2026-06-10",
      upvotes: n,
      categories: ["cs.LG"],
    };
  });
  await upsertPapers({ db, source: "hf-daily", papers, now: new Date("2026-06-12T18:00:00Z") });
  // The page props read the app's own client, which reads DATABASE_URL when first asked for.
  process.env.DATABASE_URL = testDatabaseUrl();
});
afterAll(() => db.$disconnect());

describe("search page props", () => {
  it("carry each result's highlighted title and window, not its whole abstract", async () => {
    const { searchPageProps } = await import("../../src/server/feed/feed-page-props");
    const result = await searchPageProps(feedViewSegment("q=graph"));
    if (!("props" in result)) throw new Error("expected props");
    const { papers } = result.props.page;
    expect(papers.map((p) => p.title).sort()).toEqual(["Graph study 1", "Graph study 2", "Graph study 3"]);
    for (const paper of papers) {
      expect(paper.highlight?.title).toContain("\u0002Graph\u0003");
      expect(paper.highlight?.abstract).toMatch(/^… .*\u0002graph\u0003 method/);
      expect(paper.abstract).toBe("");
    }
  });
});
