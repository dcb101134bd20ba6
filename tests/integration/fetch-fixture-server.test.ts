// The fetch layer end to end against a local server: identity headers, retries on 429, redirects re-checked, timeouts, size cap, conditional requests.
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError } from "../../src/server/fetch/fetch-error";
import { createFetcher, type TFetcherOptions } from "../../src/server/fetch/fetch-url";
import { createPoliteness } from "../../src/server/fetch/host-politeness";
import { userAgentFor } from "../../src/server/fetch/server-fetcher";
import { fixture, startFixtureServer, type TFixtureServer } from "../support/fixture-server";

let server: TFixtureServer;
const waits: number[] = [];
const daily = fixture("hf/api-daily-papers-2026-05-08.json");

const fetcher = (overrides: Partial<TFetcherOptions> = {}) =>
  createFetcher({
    userAgent: userAgentFor("https://papers.example.org"),
    allowLoopback: true,
    politeness: createPoliteness(),
    sleep: async (ms) => void waits.push(ms),
    ...overrides,
  });

const failure = async (promise: Promise<unknown>): Promise<FetchError> => {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
};

beforeAll(async () => {
  server = await startFixtureServer({
    "/daily": {
      file: "hf/api-daily-papers-2026-05-08.json",
      type: "application/json",
      headers: { etag: '"v1"', "last-modified": "Fri, 08 May 2026 10:00:00 GMT" },
    },
    "/gzip": (_req, res) => res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" }).end(gzipSync(daily)),
    "/busy": (_req, res, hit) => {
      if (hit < 3) res.writeHead(429, { "retry-after": "7" }).end("slow down");
      else res.writeHead(200, { "content-type": "application/json" }).end("[]");
    },
    "/down": { status: 503, body: "maintenance" },
    "/very-busy": { status: 429, headers: { "retry-after": "3600" }, body: "" },
    "/missing": { status: 404, body: "no such page" },
    "/to-metadata": { status: 302, headers: { location: "http://169.254.169.254/latest/meta-data/" } },
    "/to-ipv6-loopback": { status: 301, headers: { location: "http://[::1]:80/" } },
    "/to-private-host": { status: 307, headers: { location: "https://internal.example.com/" } },
    "/to-daily": { status: 302, headers: { location: "/daily" } },
    "/loop": { status: 302, headers: { location: "/loop" } },
    "/slow": { delayMs: 20_000, body: "[]" },
    "/huge": { body: "x".repeat(300_000) },
    "/huge-chunked": (_req, res) => {
      res.writeHead(200, { "content-type": "text/plain" });
      for (let i = 0; i < 30; i++) res.write("y".repeat(10_000));
      res.end();
    },
    "/truncated": { file: "hf/api-daily-papers-2026-05-08.json", type: "application/json", truncate: true },
    "/conditional": (req, res) => {
      if (req.headers["if-none-match"] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { "content-type": "application/json", etag: '"v1"' }).end("[]");
    },
  });
});
afterAll(() => server.close());

describe("fetch layer", () => {
  it("sends the app's User-Agent and returns the body, content type and validators", async () => {
    const got = await fetcher().get(`${server.url}/daily`, { accept: "application/json" });
    expect(got).toMatchObject({
      notModified: false,
      status: 200,
      contentType: "application/json",
      validators: { etag: '"v1"', lastModified: "Fri, 08 May 2026 10:00:00 GMT" },
    });
    expect(got.notModified === false && got.body).toBe(daily);
    const sent = server.requests.find((r) => r.path === "/daily")!.headers;
    expect(sent["user-agent"]).toMatch(/^paper-digest\/\d+\.\d+\.\d+ \(\+https:\/\/papers\.example\.org\)$/);
    expect(sent.accept).toBe("application/json");
  });

  it("decompresses gzip responses", async () => {
    const got = await fetcher().get(`${server.url}/gzip`);
    expect(got.notModified === false && got.body).toBe(daily);
  });

  it("retries 429 after the Retry-After the server asked for, then succeeds", async () => {
    waits.length = 0;
    const got = await fetcher().get(`${server.url}/busy`);
    expect(got.status).toBe(200);
    expect(server.hits("/busy")).toBe(3);
    expect(waits).toEqual([7000, 7000]);
  });

  it("backs off exponentially on 5xx and gives up with a clear reason", async () => {
    waits.length = 0;
    const err = await failure(fetcher({ maxRetries: 2, backoffBaseMs: 100 }).get(`${server.url}/down`));
    expect(err.message).toBe(`HTTP 503 from ${server.url}/down after 3 attempts`);
    expect(waits).toEqual([100, 200]);
  });

  it("does not wait out an unreasonable Retry-After", async () => {
    const err = await failure(fetcher().get(`${server.url}/very-busy`));
    expect(err.message).toMatch(/HTTP 429 .*asked to retry after 3600 s/);
  });

  it("does not retry a 404", async () => {
    const err = await failure(fetcher().get(`${server.url}/missing`));
    expect(err).toMatchObject({ kind: "http", status: 404 });
    expect(server.hits("/missing")).toBe(1);
  });

  it("follows a redirect to an allowed URL", async () => {
    const got = await fetcher().get(`${server.url}/to-daily`);
    expect(got).toMatchObject({ status: 200, url: `${server.url}/daily` });
  });

  it.each([
    ["/to-metadata", /169\.254\.169\.254.*(link-local|private)/],
    ["/to-ipv6-loopback", /\[::1\].*loopback/],
    ["/to-private-host", /internal\.example\.com is not allow-listed/],
  ])("refuses a redirect %s to a forbidden address", async (path, message) => {
    const err = await failure(fetcher().get(`${server.url}${path}`));
    expect(err.kind).toBe("forbidden");
    expect(err.message).toMatch(message);
  });

  it("stops after too many redirects", async () => {
    const err = await failure(fetcher({ maxRedirects: 3 }).get(`${server.url}/loop`));
    expect(err.kind).toBe("redirects");
  });

  it("refuses loopback servers unless the test-only setting allows them", async () => {
    const before = server.requests.length;
    const err = await failure(fetcher({ allowLoopback: false }).get(`${server.url}/daily`));
    expect(err).toMatchObject({ kind: "forbidden" });
    expect(server.requests.length).toBe(before);
  });

  it("with the test-only setting looks no host name up, so a test never reaches the network; without it, every address a name resolves to is checked", async () => {
    const looked: string[] = [];
    const lookup = ((hostname: string, _opts: unknown, callback: (err: null, addresses: { address: string; family: number }[]) => void) => {
      looked.push(hostname);
      callback(null, [{ address: "10.0.0.7", family: 4 }]);
    }) as unknown as TFetcherOptions["lookup"];
    const url = "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2605.00623.png";
    const offline = await failure(fetcher({ lookup, maxRetries: 0 }).getBytes(url));
    expect(offline.message).toMatch(/not looked up: with FETCH_ALLOW_LOOPBACK \(test-only\) the fetcher reaches only 127\.0\.0\.1/);
    expect(looked).toEqual([]);
    const guarded = await failure(fetcher({ allowLoopback: false, lookup, maxRetries: 0 }).getBytes(url));
    expect(guarded.message).toMatch(/resolves to 10\.0\.0\.7, a private address/);
    expect(looked).toEqual(["cdn-thumbnails.huggingface.co"]);
  });

  it("times out a slow response", async () => {
    const err = await failure(fetcher({ timeoutMs: 300 }).get(`${server.url}/slow`));
    expect(err.kind).toBe("timeout");
    expect(err.message).toMatch(/timed out/);
  });

  it.each(["/huge", "/huge-chunked"])("refuses an oversized body (%s)", async (path) => {
    const err = await failure(fetcher({ maxBytes: 100_000 }).get(`${server.url}${path}`));
    expect(err.kind).toBe("too-large");
  });

  it("reports a truncated body instead of returning half of it", async () => {
    const err = await failure(fetcher().get(`${server.url}/truncated`));
    expect(err.message).toMatch(/truncated|closed|aborted|socket hang up/i);
  });

  it("makes conditional requests and reports 304 as not modified", async () => {
    const first = await fetcher().get(`${server.url}/conditional`);
    expect(first.notModified).toBe(false);
    const validators = first.notModified ? {} : first.validators;
    const second = await fetcher().get(`${server.url}/conditional`, { validators });
    expect(second).toEqual({ notModified: true, status: 304, url: `${server.url}/conditional` });
  });
});
