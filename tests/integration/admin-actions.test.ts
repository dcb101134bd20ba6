// Admin actions against real PostgreSQL: sign-in limits, takedowns, field fixes that survive re-ingestion, pasted listings, and their audit entries.
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { fixPaper, hidePaper } from "../../src/server/admin/paper-admin";
import { LOGIN_LIMIT, signInAdmin } from "../../src/server/auth/admin-login";
import { authenticateAdmin } from "../../src/server/auth/admin-session";
import { isAppError } from "../../src/server/errors/app-error";
import { ZIngestRequest } from "../../src/server/ingest/ingest-params";
import { queueIngest } from "../../src/server/ingest/ingest-service";
import { processIngestRun } from "../../src/server/ingest/process-ingest-run";
import { triggerIngest } from "../../src/server/ingest/trigger-ingest";
import { ingestBody } from "./helpers/ingest";
import { listAudit } from "../../src/server/repo/audit-log";
import { getPaper } from "../../src/server/repo/papers";
import { visiblePapers } from "./helpers/feed";
import { TRENDING_TEXT } from "../unit/sources/samples/trending-text";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { ROOT } from "./helpers/run-script";

const db = testDb();
const now = new Date("2026-11-27T10:00:00Z");
const config = {
  ADMIN_TOKEN: "admin-token-0123456789abcdef",
  ADMIN_PASSWORD: "correct horse",
  APP_SECRET: "app-secret-0123456789abcdef",
  APP_URL: "https://papers.example.org",
};
const hfBody = readFileSync(path.join(ROOT, "tests/fixtures/hf/api-daily-papers-2026-06-12.json"), "utf8");

/** A fourth paper for the paste, on what one of TRENDING_TEXT's is about. */
const RELATED_TITLE = "Retrieval Heads Under Long-Context Pressure: Which Heads Collapse and Why";
const RELATED_ABSTRACT =
  "We trace retrieval heads across long-context language models and find that the retrieval heads that collapse share one attention pattern; restoring those heads recovers retrieval accuracy.";

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: unknown) => (isAppError(e) ? e.code : e instanceof ZodError ? "ZOD" : String(e)),
  );

beforeEach(() => resetDb(db));

describe("admin sign-in", () => {
  it("a right token or password signs in with a verifiable session, and is audited", async () => {
    const byToken = await signInAdmin({ db, config, now, ip: "10.0.0.1", credential: config.ADMIN_TOKEN });
    expect(byToken.cookie.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true });
    expect(await authenticateAdmin({ db, config, credentials: { authorization: null, sessionCookie: byToken.cookie.value }, now })).toBe("admin:token");
    const byPassword = await signInAdmin({ db, config, now, ip: "10.0.0.1", credential: "correct horse" });
    expect(byPassword.actor).toBe("admin:password");
    const audit = await listAudit({ db });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ["login.success", "admin:password"],
      ["login.success", "admin:token"],
    ]);
    expect(audit[1]!.params).toEqual({ ip: "10.0.0.1", method: "token" });
    expect(audit[1]!.createdAt).toEqual(now);
  });

  it("a wrong credential is refused and audited without the attempted secret", async () => {
    expect(await codeOf(signInAdmin({ db, config, now, ip: "10.0.0.2", credential: "guess-guess" }))).toBe("UNAUTHORIZED");
    const [entry] = await listAudit({ db });
    expect(entry).toMatchObject({ action: "login.failure", actor: "anonymous@10.0.0.2", params: { ip: "10.0.0.2" } });
    expect(JSON.stringify(entry)).not.toContain("guess-guess");
  });

  it(`after ${LOGIN_LIMIT} attempts from one IP even the right token is refused until the window passes; other IPs are unaffected`, async () => {
    for (let i = 0; i < LOGIN_LIMIT; i++) await codeOf(signInAdmin({ db, config, now, ip: "10.0.0.3", credential: "wrong-wrong" }));
    expect(await codeOf(signInAdmin({ db, config, now, ip: "10.0.0.3", credential: config.ADMIN_TOKEN }))).toBe("RATE_LIMITED");
    expect(await codeOf(signInAdmin({ db, config, now, ip: "10.0.0.4", credential: config.ADMIN_TOKEN }))).toBe("ok");
    const later = new Date(now.getTime() + 15 * 60 * 1000 + 1);
    expect(await codeOf(signInAdmin({ db, config, now: later, ip: "10.0.0.3", credential: config.ADMIN_TOKEN }))).toBe("ok");
    expect((await listAudit({ db, action: "login.rate_limited" })).length).toBe(1);
  });

  it(`successful sign-ins do not count toward the limit: ${LOGIN_LIMIT + 1} in a row from one IP (an admin's many browsers) all succeed`, async () => {
    for (let i = 0; i <= LOGIN_LIMIT; i++) {
      expect(await codeOf(signInAdmin({ db, config, now, ip: "10.0.0.5", credential: config.ADMIN_TOKEN })), `sign-in ${i + 1}`).toBe("ok");
    }
    // The failures still count in full after them, and a success among them takes none away: on a shared address it would hand a guesser
    // a fresh allowance.
    for (let i = 0; i < LOGIN_LIMIT - 1; i++) await codeOf(signInAdmin({ db, config, now, ip: "10.0.0.5", credential: "wrong-wrong" }));
    expect(await codeOf(signInAdmin({ db, config, now, ip: "10.0.0.5", credential: "correct horse" }))).toBe("ok");
    expect(await codeOf(signInAdmin({ db, config, now, ip: "10.0.0.5", credential: "wrong-wrong" }))).toBe("UNAUTHORIZED");
    expect(await codeOf(signInAdmin({ db, config, now, ip: "10.0.0.5", credential: config.ADMIN_TOKEN }))).toBe("RATE_LIMITED");
  });

  it(`guesses sent all at once are checked at most ${LOGIN_LIMIT} times; the rest are refused unchecked`, async () => {
    const codes = await Promise.all(
      Array.from({ length: 3 * LOGIN_LIMIT }, () => codeOf(signInAdmin({ db, config, now, ip: "10.0.0.6", credential: "wrong-wrong" }))),
    );
    expect(codes.filter((c) => c === "UNAUTHORIZED").length).toBe(LOGIN_LIMIT);
    expect(codes.filter((c) => c === "RATE_LIMITED").length).toBe(2 * LOGIN_LIMIT);
  });
});

describe("takedown and field fixes", () => {
  async function seed() {
    await ingestBody({ db, source: "hf-daily", body: hfBody, now });
    const withCode = (await visiblePapers(db)).find((p) => p.githubUrl && p.arxivId);
    expect(withCode).toBeDefined();
    return withCode!;
  }

  it("hiding removes a paper from the feed and its page at once; unhiding restores it; both audited", async () => {
    const paper = await seed();
    await hidePaper({ db, actor: "admin:token", id: paper.id, hidden: true, now });
    expect((await visiblePapers(db)).map((p) => p.id)).not.toContain(paper.id);
    expect(await getPaper({ db, key: { arxivId: paper.arxivId! } })).toBeNull();
    await hidePaper({ db, actor: "admin:token", id: paper.id, hidden: false, now });
    expect(await getPaper({ db, key: { arxivId: paper.arxivId! } })).not.toBeNull();
    expect((await listAudit({ db })).map((a) => [a.action, a.params])).toEqual([
      ["paper.unhide", { paperId: paper.id, arxivId: paper.arxivId }],
      ["paper.hide", { paperId: paper.id, arxivId: paper.arxivId }],
    ]);
  });

  it("a hidden paper stays hidden when a later ingestion lists it again", async () => {
    const paper = await seed();
    await hidePaper({ db, actor: "admin:token", id: paper.id, hidden: true, now });
    await ingestBody({ db, source: "hf-daily", body: hfBody, now: new Date(now.getTime() + 60_000) });
    expect(await getPaper({ db, key: { arxivId: paper.arxivId! } })).toBeNull();
  });

  it("a fixed title and code link apply now and survive a later ingestion of the same listing", async () => {
    const paper = await seed();
    await fixPaper({ db, actor: "admin:token", id: paper.id, field: "title", value: "  The Corrected Title  ", now });
    await fixPaper({ db, actor: "admin:token", id: paper.id, field: "githubUrl", value: "https://github.com/right/repo", now });
    await fixPaper({ db, actor: "admin:token", id: paper.id, field: "authors", value: "Ada Lovelace, Alan Turing", now });
    const fixed = await getPaper({ db, key: { arxivId: paper.arxivId! } });
    expect(fixed).toMatchObject({ title: "The Corrected Title", githubUrl: "https://github.com/right/repo", authors: ["Ada Lovelace", "Alan Turing"] });

    const again = await ingestBody({ db, source: "hf-daily", body: hfBody, now: new Date(now.getTime() + 3_600_000) });
    expect(again.status).toBe("succeeded");
    expect(await getPaper({ db, key: { arxivId: paper.arxivId! } })).toMatchObject({
      title: "The Corrected Title",
      githubUrl: "https://github.com/right/repo",
      authors: ["Ada Lovelace", "Alan Turing"],
    });
    const row = await db.paper.findUniqueOrThrow({ where: { id: paper.id }, select: { overrides: true } });
    expect(row.overrides).toEqual({ title: "The Corrected Title", githubUrl: "https://github.com/right/repo", authors: ["Ada Lovelace", "Alan Turing"] });
    expect((await listAudit({ db, action: "paper.fix" })).map((a) => a.params.field)).toEqual(["authors", "githubUrl", "title"]);
  });

  it("fixed authors are one per line, so 'Smith, John' stays one name; a single line is read as a source's author list is", async () => {
    const paper = await seed();
    const fix = async (value: string) => {
      await fixPaper({ db, actor: "admin:token", id: paper.id, field: "authors", value, now });
      return (await getPaper({ db, key: { arxivId: paper.arxivId! } }))!.authors;
    };
    expect(await fix("Smith, John\n  Martin Luther King, Jr.\n\nJos\\'e Mart\\'i\n")).toEqual(["Smith, John", "Martin Luther King, Jr.", "José Martí"]);
    expect(await fix("Martin Luther King, Jr., Ada Lovelace and Alan Turing; Grace Hopper & Jos\\'e Mart\\'i\n")).toEqual([
      "Martin Luther King, Jr.",
      "Ada Lovelace",
      "Alan Turing",
      "Grace Hopper",
      "José Martí",
    ]);
    expect(await codeOf(fixPaper({ db, actor: "a", id: paper.id, field: "authors", value: " , and ; ", now }))).toBe("ZOD");
    expect(await codeOf(fixPaper({ db, actor: "a", id: paper.id, field: "authors", value: "\n \n", now }))).toBe("ZOD");
  });

  it("an empty link removes it, and the removal also survives ingestion", async () => {
    const paper = await seed();
    await fixPaper({ db, actor: "admin:token", id: paper.id, field: "githubUrl", value: "", now });
    await ingestBody({ db, source: "hf-daily", body: hfBody, now });
    expect((await getPaper({ db, key: { arxivId: paper.arxivId! } }))!.githubUrl).toBeNull();
  });

  it("bad values are refused with a clear error and change nothing", async () => {
    const paper = await seed();
    const before = await db.paper.findUniqueOrThrow({ where: { id: paper.id } });
    expect(await codeOf(fixPaper({ db, actor: "a", id: paper.id, field: "title", value: "   ", now }))).toBe("ZOD");
    expect(await codeOf(fixPaper({ db, actor: "a", id: paper.id, field: "githubUrl", value: "javascript:alert(1)", now }))).toBe("ZOD");
    expect(await codeOf(fixPaper({ db, actor: "a", id: paper.id, field: "categories", value: " , ", now }))).toBe("ZOD");
    expect(await codeOf(fixPaper({ db, actor: "a", id: paper.id, field: "categories", value: "cs.LG, %%%", now }))).toBe("ZOD");
    expect(await codeOf(fixPaper({ db, actor: "a", id: 999_999, field: "title", value: "x", now }))).toBe("NOT_FOUND");
    expect(await codeOf(hidePaper({ db, actor: "a", id: 999_999, hidden: true, now }))).toBe("NOT_FOUND");
    expect(await db.paper.findUniqueOrThrow({ where: { id: paper.id } })).toEqual(before);
    expect(await db.auditLog.count()).toBe(0);
  });
});

describe("paste a listing and trigger a run: the same path as the API", () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), "pd-admin-actions-"));
    Object.assign(process.env, { DATABASE_URL: testDatabaseUrl(), ...config, CRON_SECRET: "cron-secret-0123456789", DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it("a paste queues a text run, audited; processed like any run, its papers get scores and similar papers and reach the feed", async () => {
    const body = `${TRENDING_TEXT}\n${RELATED_TITLE}\n${RELATED_ABSTRACT}\n`;
    const run = await queueIngest({ request: ZIngestRequest.parse({ source: "text", body }), actor: "admin:token" });
    expect(run).toMatchObject({ source: "text", status: "queued", trigger: "admin", params: { bodyChars: body.length } });
    const [entry] = await listAudit({ db });
    expect(entry).toMatchObject({ action: "ingest.paste", actor: "admin:token", params: { source: "text", bodyChars: body.length, runId: run.id } });

    const done = await processIngestRun({ db, runId: run.id });
    expect(done).toMatchObject({ status: "succeeded", counts: { found: 4, inserted: 4 } });
    expect((await db.ingestRun.findUniqueOrThrow({ where: { id: run.id } })).body).toBeNull();
    const feed = await visiblePapers(db, 10);
    expect(feed.map((p) => p.title)).toContain("Long-Context Retrieval Heads Explain In-Context Learning Failures");
    const scores = await db.paper.findMany({ select: { trendingScore: true } });
    expect(scores.every((p) => p.trendingScore > 0)).toBe(true);
    // The run computed its papers' similar papers: the paper on retrieval heads lists the other one (its three papers share no rare
    // term, so whether they list each other hangs on the statistics another file's papers left behind; TRUNCATE keeps them).
    const similar = await db.paperSimilar.findMany({ select: { paper: { select: { title: true } }, similar: { select: { title: true } } } });
    expect(similar.map((s) => [s.paper.title, s.similar.title])).toContainEqual([
      RELATED_TITLE,
      "Long-Context Retrieval Heads Explain In-Context Learning Failures",
    ]);
  });

  it("an empty paste is refused and queues nothing; a paste with no paper in it fails its run and writes nothing", async () => {
    expect(await codeOf(queueIngest({ request: ZIngestRequest.parse({ source: "text", body: "" }), actor: "a" }))).toBe("INVALID_INPUT");
    expect(await db.ingestRun.count()).toBe(0);
    const run = await queueIngest({ request: ZIngestRequest.parse({ source: "text", body: "hello" }), actor: "a" });
    const done = await processIngestRun({ db, runId: run.id });
    expect(done).toMatchObject({ status: "failed", reason: expect.stringMatching(/no paper/) });
    expect(await db.paper.count()).toBe(0);
  });

  it("validates every trigger with the one request schema: a known source and at most one of date, week or month", () => {
    expect(ZIngestRequest.parse({ source: "arxiv-list", week: "2026-W48", category: "cs.LG", date: "" })).toEqual({
      source: "arxiv-list",
      week: "2026-W48",
      category: "cs.LG",
    });
    expect(ZIngestRequest.safeParse({ source: "hf-daily", date: "2026-11-27", month: "2026-11" }).success).toBe(false);
    expect(ZIngestRequest.safeParse({ source: "hf-daily", week: "2026-W99" }).success).toBe(false);
    expect(ZIngestRequest.safeParse({ source: "hf-daily", date: "27/11/2026" }).success).toBe(false);
    expect(ZIngestRequest.safeParse({ source: "hf-daily", url: "file:///etc/passwd" }).success).toBe(false);
    expect(ZIngestRequest.safeParse({ source: "hf-daily", shell: "rm -rf" }).success).toBe(false);
    expect(ZIngestRequest.parse({ source: "hf-page", paper: "https://arxiv.org/abs/2408.00714v2" })).toEqual({ source: "hf-page", paper: "2408.00714" });
  });

  it("a trigger queues a real run and audits it; a second trigger of the same run is a conflict, whoever sends it", async () => {
    const run = await queueIngest({ request: ZIngestRequest.parse({ source: "arxiv-rss", category: "cs.CL" }), actor: "a" });
    expect(await db.ingestRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ source: "arxiv-rss", status: "queued", trigger: "admin" });
    expect(await db.auditLog.findMany({ select: { action: true, params: true } })).toEqual([
      { action: "ingest.trigger", params: { source: "arxiv-rss", category: "cs.CL", runId: run.id } },
    ]);
    expect(await codeOf(queueIngest({ request: ZIngestRequest.parse({ source: "arxiv-rss", category: "cs.CL" }), actor: "a" }))).toBe("CONFLICT");
    // The CLI passes every flag, unset ones as undefined; its run key is the admin's, so it conflicts too.
    const cli = {
      category: "cs.CL",
      date: undefined,
      week: undefined,
      month: undefined,
      listing: undefined,
      paper: undefined,
      url: undefined,
      body: undefined,
    };
    expect(await codeOf(triggerIngest({ db, source: "arxiv-rss", params: cli, trigger: "cli", actor: "cli" }))).toBe("CONFLICT");
    expect(await db.ingestRun.count()).toBe(1);
    expect(run.runKey).toBe("arxiv-rss?category=cs.CL");
  });
});
