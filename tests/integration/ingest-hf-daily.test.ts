// Ingestion of the real Hugging Face daily-papers capture into PostgreSQL: counts, idempotency, merging and snapshots.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ingestBody } from "./helpers/ingest";
import { upsertPapers } from "../../src/server/repo/upsert-papers";
import { resetDb, testDb } from "./helpers/db";

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, "..", "fixtures", name), "utf8");
const may08 = fixture("hf/api-daily-papers-2026-05-08.json");
const now = new Date("2026-05-08T12:00:00Z");
const db = testDb();

beforeAll(() => resetDb(db));
beforeEach(() => resetDb(db));
afterAll(() => db.$disconnect());

describe("ingest hf-daily", () => {
  it("stores every paper of the listing once, with its fields", async () => {
    const summary = await ingestBody({ db, source: "hf-daily", body: may08, now });
    expect(summary).toMatchObject({ status: "succeeded", counts: { found: 37, expected: 37, inserted: 37, updated: 0, unchanged: 0 } });
    expect(await db.paper.count()).toBe(37);
    const withCode = await db.paper.count({ where: { githubUrl: { startsWith: "https://github.com/" } } });
    // 20 githubRepo fields, and one summary's "The code is available at https://github.com/sotaagi/EnergyFlow."
    expect(withCode).toBe(21);
    const days = await db.paper.groupBy({ by: ["listedOn"], _count: true });
    expect(days.map((d) => d.listedOn.toISOString().slice(0, 10))).toEqual(["2026-05-08"]);
    expect(await db.paperMetric.count()).toBe(37);
    // The organization Hugging Face lists a paper under is stored by its display name.
    expect(await db.paper.count({ where: { organization: { not: null } } })).toBe(23);
    expect((await db.paper.findUniqueOrThrow({ where: { arxivId: "2605.06548" } })).organization).toBe("ByteDance Seed");
  });

  it("re-ingesting the same file changes nothing", async () => {
    await ingestBody({ db, source: "hf-daily", body: may08, now });
    const before = await db.paper.findMany({ orderBy: { id: "asc" } });
    const again = await ingestBody({ db, source: "hf-daily", body: may08, now: new Date("2026-05-08T13:00:00Z") });
    expect(again).toMatchObject({ counts: { inserted: 0, updated: 0, unchanged: 37 } });
    expect(await db.paper.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await db.paperMetric.count()).toBe(37);
  });

  it("takes the latest metrics, snapshots them, and never blanks a known field", async () => {
    await ingestBody({ db, source: "hf-daily", body: may08, now });
    const paper = await db.paper.findFirstOrThrow({ where: { githubUrl: { not: null } } });
    const result = await upsertPapers({
      db,
      source: "arxiv-rss",
      now: new Date("2026-05-09T08:00:00Z"),
      papers: [
        {
          arxivId: paper.arxivId,
          titleKey: paper.titleKey,
          title: paper.title,
          abstract: "",
          authors: [],
          listedOn: "2026-05-07",
          upvotes: paper.upvotes + 5,
          categories: ["cs.CL"],
        },
      ],
    });
    expect(result).toMatchObject({ inserted: 0, updated: 1 });
    const after = await db.paper.findUniqueOrThrow({ where: { id: paper.id } });
    expect(after.upvotes).toBe(paper.upvotes + 5);
    expect(after.abstract).toBe(paper.abstract);
    expect(after.authors).toEqual(paper.authors);
    expect(after.githubUrl).toBe(paper.githubUrl);
    expect(after.listedOn).toEqual(paper.listedOn);
    expect(after.sources).toEqual(["hf-daily", "arxiv-rss"]);
    expect(after.categories).toContain("cs.CL");
    expect(await db.paperMetric.count({ where: { paperId: paper.id } })).toBe(2);
  });

  it("merges a title-only paper into its later arXiv listing", async () => {
    const base = { titleKey: "a study of cats", title: "A Study of Cats", abstract: "Cats are studied.", authors: [], listedOn: "2026-05-01" };
    await upsertPapers({ db, source: "text", now, papers: [{ ...base, arxivId: null }] });
    const merged = await upsertPapers({
      db,
      source: "hf-daily",
      now,
      papers: [{ ...base, title: "A Study of Cats!", arxivId: "2605.00001", authors: ["Ann Lee"] }],
    });
    expect(merged).toMatchObject({ inserted: 0, updated: 1 });
    const rows = await db.paper.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ arxivId: "2605.00001", authors: ["Ann Lee"], sources: ["text", "hf-daily"] });
  });

  it("a malformed listing fails with a reason and leaves stored papers untouched", async () => {
    await ingestBody({ db, source: "hf-daily", body: may08, now });
    const before = await db.paper.findMany({ orderBy: { id: "asc" } });
    const broken = await ingestBody({ db, source: "hf-daily", body: may08.slice(0, 5000), now });
    expect(broken.status).toBe("failed");
    expect(broken.reason).toBeTruthy();
    expect(await db.paper.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });
});
