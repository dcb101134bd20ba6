// Hostile input through the route handlers, against real PostgreSQL: NUL bytes, ids past PostgreSQL's integers and oversized bodies
// answer 4xx (never 500) before any query or parse, and a pasted listing keeps everything but its NULs. The built app is swept in
// tests/e2e/hostile-sweep.spec.ts; this file pins the handlers' contract without a Next server.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";

const ADMIN = "admin-token-0123456789";
const db = testDb();

type TRoutes = {
  ingest: typeof import("../../src/app/api/admin/ingest/route");
  subscribe: typeof import("../../src/app/api/subscribe/route");
  unsubscribe: typeof import("../../src/app/api/unsubscribe/route");
  go: typeof import("../../src/app/papers/go/route");
};
let routes: TRoutes;

const admin = { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" };
const postIngest = (body: BodyInit, headers: Record<string, string> = admin) =>
  routes.ingest.POST(new Request("http://app/api/admin/ingest", { method: "POST", headers, body, duplex: "half" } as RequestInit));
const postSubscribe = (body: BodyInit, headers: Record<string, string> = {}) =>
  routes.subscribe.POST(
    new Request("http://app/api/subscribe", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.7", ...headers },
      body,
      duplex: "half",
    } as RequestInit),
  );

/** A body sent in chunks with no Content-Length, as a client streaming without declaring its size would. */
function streamOf(bytes: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(chunk, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  const json = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...json.error };
}

beforeAll(async () => {
  await resetDb(db);
  Object.assign(process.env, {
    DATABASE_URL: testDatabaseUrl(),
    DATA_DIR: mkdtempSync(path.join(tmpdir(), "pd-hostile-")),
    ADMIN_TOKEN: ADMIN,
    CRON_SECRET: "cron-secret-0123456789",
    APP_SECRET: "s".repeat(32),
    LOG_LEVEL: "silent",
  });
  routes = {
    ingest: await import("../../src/app/api/admin/ingest/route"),
    subscribe: await import("../../src/app/api/subscribe/route"),
    unsubscribe: await import("../../src/app/api/unsubscribe/route"),
    go: await import("../../src/app/papers/go/route"),
  };
});
afterAll(async () => {
  const queue = (globalThis as { paperDigestIngestQueue?: Promise<PgBoss> }).paperDigestIngestQueue;
  if (queue) await (await queue).stop({ graceful: false, wait: true });
  await db.$disconnect();
});

describe("NUL bytes", () => {
  it("a subscription whose keywords carry a NUL is a 400 naming the field, and nothing is stored", async () => {
    const res = await postSubscribe(JSON.stringify({ email: "nul@example.org", keywords: "llm, agents\u0000" }));
    expect(await errorOf(res)).toMatchObject({ status: 400, code: "INVALID_INPUT" });
    expect(await db.subscriber.count()).toBe(0);
  });

  it("a pasted listing loses only its NULs: the run is queued with the rest of the text", async () => {
    const body = "Attention Is All You Need\u0000\nWe propose the Transformer, a model based solely on attention.\u0000";
    const res = await postIngest(JSON.stringify({ source: "text", body }));
    expect(res.status).toBe(202);
    const { runId } = (await res.json()) as { runId: number };
    const run = await db.ingestRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run.body).toBe(body.replaceAll("\u0000", ""));
    expect(run.params).toMatchObject({ bodyChars: body.length - 2 });
  });

  it("a URL with a NUL is a 400 naming the parameter, and no run is created", async () => {
    const before = await db.ingestRun.count();
    const res = await postIngest(JSON.stringify({ source: "hf-page", url: "https://huggingface.co/papers/\u0000" }));
    expect(await errorOf(res)).toMatchObject({ status: 400, message: expect.stringMatching(/url/) });
    expect(await db.ingestRun.count()).toBe(before);
  });
});

describe("bodies this server would misread", () => {
  it("a compressed subscription (Content-Encoding: gzip) is a 415, not read as JSON, and nothing is stored", async () => {
    const body = gzipSync(JSON.stringify({ email: "gzip@example.org" }));
    const res = await postSubscribe(body, { "content-encoding": "gzip" });
    expect(await errorOf(res)).toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: expect.stringMatching(/uncompressed.*gzip/) });
    expect(await db.subscriber.count()).toBe(0);
  });

  it("a body declared in UTF-16 is a 415 naming the charset; UTF-8 and US-ASCII, however spelled, are read", async () => {
    const utf16 = Buffer.from(JSON.stringify({ email: "utf16@example.org" }), "utf16le");
    const res = await postSubscribe(utf16, { "content-type": "application/json; charset=utf-16" });
    expect(await errorOf(res)).toMatchObject({ status: 415, message: expect.stringMatching(/UTF-8.*charset=utf-16/) });
    expect(await db.subscriber.count()).toBe(0);
    for (const type of ['application/json; charset="UTF-8"', "application/json;charset=us-ascii", "application/json; charset=utf8"]) {
      expect((await postSubscribe(JSON.stringify({ email: "x" }), { "content-type": type })).status, type).toBe(400);
    }
  });

  it("the admin's ingest takes no compressed paste either: a 415, and no run is created", async () => {
    const before = await db.ingestRun.count();
    const res = await postIngest(gzipSync(JSON.stringify({ source: "hf-daily" })), { ...admin, "content-encoding": "gzip" });
    expect(res.status).toBe(415);
    expect(await db.ingestRun.count()).toBe(before);
  });

  it("the admin's ingest, like every route reading JSON, refuses a body not declared as JSON with 415 (it was read as JSON anyway), and no run is created", async () => {
    const before = await db.ingestRun.count();
    const listing = JSON.stringify({ source: "text", body: "A Title Long Enough\nAn abstract long enough to be one, sent as text/plain.\n" });
    for (const [type, body] of [
      ["text/plain", "source=hf-daily"],
      ["text/plain;charset=UTF-8", listing],
      ["application/x-www-form-urlencoded", "source=hf-daily"],
      ["application/json-seq", listing],
    ] as const) {
      const res = await postIngest(body, { authorization: admin.authorization, "content-type": type });
      expect(await errorOf(res), type).toMatchObject({ status: 415, code: "UNSUPPORTED_MEDIA_TYPE", message: expect.stringMatching(/application\/json/) });
    }
    const untyped = await postIngest(listing, { authorization: admin.authorization });
    expect(untyped.status).toBe(415);
    expect(await db.ingestRun.count()).toBe(before);
  });

  it("an ingest body that is a JSON array is told an object is expected, not that its source is missing", async () => {
    const res = await postIngest("[]");
    expect(await errorOf(res)).toMatchObject({ status: 400, message: expect.stringMatching(/expected object, received array/) });
  });

  it("a keyword holding a lone surrogate (\\ud800) is a 400 naming the field, not stored as U+FFFD", async () => {
    const res = await postSubscribe('{"email":"surrogate@example.org","keywords":["agents\\ud800"]}');
    expect(await errorOf(res)).toMatchObject({ status: 400, message: expect.stringMatching(/^keywords\.0: .*lone surrogates/) });
    expect(await db.subscriber.count()).toBe(0);
  });
});

describe("fields nobody reads", () => {
  it("a subscription with a misspelt field (keyword for keywords) is a 400 naming it, not a subscription to nothing in particular", async () => {
    const res = await postSubscribe(JSON.stringify({ email: "typo@example.org", keyword: ["diffusion"] }));
    expect(await errorOf(res)).toMatchObject({ status: 400, code: "INVALID_INPUT", message: expect.stringMatching(/keyword/) });
    expect(await db.subscriber.count()).toBe(0);
  });
});

describe("far dates", () => {
  it.each([
    ["week", "9999-12-31"],
    ["week", "1000-01-01"],
  ])("the date picker answers 400 for a %s holding %s (it reaches past year 9999 or before 1000)", async (view, date) => {
    const res = await routes.go.GET(new Request(`http://app/papers/go?view=${view}&date=${date}`));
    expect(await errorOf(res)).toMatchObject({ status: 400, message: expect.stringMatching(/^Invalid "date"/) });
  });

  it("the date picker still redirects to the last writable day", async () => {
    const res = await routes.go.GET(new Request("http://app/papers/go?view=day&date=9999-12-31"));
    expect(res.status).toBe(307);
    expect(res.headers.get("location")).toBe("/papers/date/9999-12-31");
  });
});

describe("request bodies are capped before they are read", () => {
  it("POST /api/subscribe answers 413 for a declared Content-Length over the cap, without reading the body", async () => {
    const res = await postSubscribe(streamOf(1024), { "content-length": String(10 * 1024 * 1024) });
    expect(await errorOf(res)).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
  });

  it("POST /api/subscribe answers 413 for an undeclared body that grows past the cap", async () => {
    const res = await postSubscribe(streamOf(5 * 1024 * 1024));
    expect(await errorOf(res)).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
    expect(await db.subscriber.count()).toBe(0);
  });

  it("POST /api/unsubscribe refuses an oversized body the same way", async () => {
    const res = await routes.unsubscribe.POST(
      new Request("http://app/api/unsubscribe?token=abcdefghijkl", { method: "POST", body: streamOf(1024 * 1024), duplex: "half" } as RequestInit),
    );
    expect(res.status).toBe(413);
  });

  it("POST /api/admin/ingest takes a paste of the largest size a run accepts and refuses a body past it with 413", async () => {
    const { MAX_PASTE_CHARS, MAX_PASTE_BYTES } = await import("../../src/server/http/body-limits");
    const longest = JSON.stringify({ source: "text", body: `Title\n${"a".repeat(MAX_PASTE_CHARS - 6)}` });
    const ok = await postIngest(longest);
    expect(ok.status).toBe(202);
    const tooBig = await postIngest(streamOf(MAX_PASTE_BYTES + 1));
    expect(await errorOf(tooBig)).toMatchObject({ status: 413, code: "PAYLOAD_TOO_LARGE" });
  });

  it("a paste one character past the limit fits the byte cap and is refused by the run's own rule, which says the limit", async () => {
    const { MAX_PASTE_CHARS } = await import("../../src/server/http/body-limits");
    const res = await postIngest(JSON.stringify({ source: "text", body: "a".repeat(MAX_PASTE_CHARS + 1) }));
    expect(await errorOf(res)).toMatchObject({ status: 400, message: expect.stringContaining("at most 5,000,000 characters") });
  });
});
