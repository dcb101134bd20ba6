// The app's server sets each request's client address from the socket and TRUST_PROXY, and its CSP with a fresh nonce; whatever
// header the client sends for either is replaced; it answers a page marked invalid with the status named; and it hands Next a cached
// page's variant as the variant's own path.
import http from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { feedViewSegment, parseFeedFilters, serializeFeedFilters } from "../../src/core/search";
import { MAX_PASTE_BYTES, MAX_PUBLIC_BODY_BYTES } from "../../src/server/http/body-limits";
import { CLIENT_ADDRESS_HEADER } from "../../src/server/http/client-address";
import { PAGE_STATUS_HEADER } from "../../src/server/http/page-status";
import { withRequestContext } from "../../src/server/http/serve-app";

const SCRIPT_HASH = "'sha256-test'";

function parsedFilters(query: Record<string, string>) {
  const parsed = parseFeedFilters(query);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** A real server whose handler answers with the client address the app would see. */
async function serverTrusting(trustedHops: number): Promise<string> {
  const server = http.createServer(
    withRequestContext(async (req, res) => void res.end(String(req.headers[CLIENT_ADDRESS_HEADER])), { trustedHops, scriptHash: SCRIPT_HASH }),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe("the app server's client address", () => {
  it("with TRUST_PROXY=0 is the socket's peer, whatever X-Forwarded-For or the address header itself says", async () => {
    const url = await serverTrusting(0);
    const seen = await Promise.all(
      ["1.1.1.1", "2.2.2.2, 3.3.3.3"].map(async (hop) =>
        (await fetch(url, { headers: { "x-forwarded-for": hop, [CLIENT_ADDRESS_HEADER]: "8.8.8.8" } })).text(),
      ),
    );
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1"]);
  });

  it("with TRUST_PROXY=1 is the hop our proxy appended; a forged first hop never counts", async () => {
    const url = await serverTrusting(1);
    // What a proxy at 127.0.0.1 forwards for a client at 203.0.113.7 who sent its own forged header.
    const seen = await Promise.all(
      ["1.1.1.1", "2.2.2.2", "9.9.9.9"].map(async (forged) => (await fetch(url, { headers: { "x-forwarded-for": `${forged}, 203.0.113.7` } })).text()),
    );
    expect(seen).toEqual(["203.0.113.7", "203.0.113.7", "203.0.113.7"]);
    expect(await (await fetch(url)).text()).toBe("127.0.0.1");
  });

  it("answers 500 with one line, and logs, when the handler fails", async () => {
    const server = http.createServer(
      withRequestContext(
        async () => {
          throw new Error("boom");
        },
        { trustedHops: 0, scriptHash: SCRIPT_HASH },
      ),
    );
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(res.status).toBe(500);
    expect(await res.text()).toBe("Something went wrong on our side.");
  });

  it("gives every request a fresh CSP nonce, on the request Next renders from and on the response; a policy the client sent is dropped", async () => {
    const server = http.createServer(
      withRequestContext(async (req, res) => void res.end(String(req.headers["content-security-policy"])), { trustedHops: 0, scriptHash: SCRIPT_HASH }),
    );
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const forged = "script-src 'nonce-chosen-by-the-client'";
    const answers = await Promise.all([1, 2].map(() => fetch(url, { headers: { "content-security-policy": forged } })));
    const nonces = new Set<string>();
    for (const res of answers) {
      const seenByNext = await res.text();
      expect(seenByNext).not.toContain("chosen-by-the-client");
      expect(res.headers.get("content-security-policy")).toBe(seenByNext);
      const scripts = /script-src ([^;]+)/.exec(seenByNext)![1]!.split(" ");
      expect(scripts.slice(0, 2)).toEqual(["'self'", SCRIPT_HASH]);
      expect(scripts[2]).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/);
      nonces.add(scripts[2]!);
    }
    expect(nonces.size).toBe(2);
  });

  it("drops the x-middleware-* headers Next reads as its own routing's from what a client sent (with x-middleware-prefetch every App Router page and route answered 200 {})", async () => {
    const server = http.createServer(
      withRequestContext(async (req, res) => void res.end(JSON.stringify(Object.keys(req.headers).filter((name) => name.startsWith("x-middleware-")))), {
        trustedHops: 0,
        scriptHash: SCRIPT_HASH,
      }),
    );
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/unsubscribe?token=a.b`;
    const headers = {
      "x-middleware-prefetch": "1",
      "x-middleware-subrequest": "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
      "X-Middleware-Rewrite": "/admin",
    };
    for (const method of ["GET", "POST"]) expect(await (await fetch(url, { method, headers })).json()).toEqual([]);
  });
});

describe("the app server's App Router request headers on a route handler", () => {
  it("drops RSC and the router's headers on a route handler, which Next answered with a 307 to ?_rsc (a POST to /api/subscribe too)", async () => {
    const ROUTER = /^(?:rsc|next-router-|next-url$)/;
    const server = http.createServer(
      withRequestContext(async (req, res) => void res.end(JSON.stringify(Object.keys(req.headers).filter((name) => ROUTER.test(name)))), {
        trustedHops: 0,
        scriptHash: SCRIPT_HASH,
      }),
    );
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const headers = { rsc: "1", "next-router-prefetch": "1", "next-router-segment-prefetch": "/_tree", "next-url": "/admin" };
    for (const method of ["GET", "POST"]) expect(await (await fetch(`${base}/api/papers`, { method, headers })).json(), method).toEqual([]);
    // The path as Next routes it: dot segments and escapes reach the same handler.
    for (const path of ["/x/../api/papers", "/%61pi/papers"]) expect(await (await fetch(`${base}${path}`, { headers })).json(), path).toEqual([]);
    // An App Router page keeps them: its client router asks for the page's RSC payload with them.
    expect(await (await fetch(`${base}/admin`, { headers })).json()).toEqual(["rsc", "next-router-prefetch", "next-router-segment-prefetch", "next-url"]);
  });
});

describe("the app server's fixed security headers", () => {
  it("are on every answer, a redirect Next makes included, with HSTS only over https", async () => {
    const serve = async (https: boolean) => {
      const server = http.createServer(
        withRequestContext(
          async (_req, res) => {
            res.writeHead(308, { location: "/search" });
            res.end();
          },
          { trustedHops: 0, scriptHash: SCRIPT_HASH, https },
        ),
      );
      servers.push(server);
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      return fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/search/`, { redirect: "manual" });
    };
    const plain = await serve(false);
    expect(plain.status).toBe(308);
    expect([plain.headers.get("x-frame-options"), plain.headers.get("x-content-type-options"), plain.headers.get("referrer-policy")]).toEqual([
      "DENY",
      "nosniff",
      "strict-origin-when-cross-origin",
    ]);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect((await serve(true)).headers.get("strict-transport-security")).toBe("max-age=31536000");
  });
});

describe("the app server's page status", () => {
  /** A server whose handler answers as Next does: headers set along the way (the proxy's included), then a status it chose. */
  async function serverAnswering(status: number, headers: Record<string, string>): Promise<string> {
    const server = http.createServer(
      withRequestContext(
        async (_req, res) => {
          for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
          res.statusCode = status;
          res.end("the page");
        },
        { trustedHops: 0, scriptHash: SCRIPT_HASH },
      ),
    );
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  }

  it("answers a page the proxy marked with the status it named, unstored, without the mark or a validator", async () => {
    const cached = { "cache-control": "s-maxage=3600", etag: '"abc"' };
    const res = await fetch(await serverAnswering(200, { ...cached, [PAGE_STATUS_HEADER]: "400" }));
    expect(res.status).toBe(400);
    expect(await res.text()).toBe("the page");
    expect(res.headers.get(PAGE_STATUS_HEADER)).toBeNull();
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("etag")).toBeNull();
    // Unmarked pages keep their status and validator, and any cache must ask again each time instead of keeping Next's hour (so a
    // hide outlives no CDN's copy); a failure keeps its own status; only a 4xx or 5xx (a busy database's 503) can be named.
    const plain = await fetch(await serverAnswering(200, cached));
    expect([plain.status, plain.headers.get("cache-control"), plain.headers.get("etag")]).toEqual([200, "public, no-cache", '"abc"']);
    expect((await fetch(await serverAnswering(500, { [PAGE_STATUS_HEADER]: "400" }))).status).toBe(500);
    expect((await fetch(await serverAnswering(200, { [PAGE_STATUS_HEADER]: "302" }))).status).toBe(200);
    expect((await fetch(await serverAnswering(200, { [PAGE_STATUS_HEADER]: "503" }))).status).toBe(503);
    expect((await fetch(await serverAnswering(200, { [PAGE_STATUS_HEADER]: "600" }))).status).toBe(200);
  });

  it("never takes the status from the request: a client cannot choose its answer's status", async () => {
    const res = await fetch(await serverAnswering(200, {}), { headers: { [PAGE_STATUS_HEADER]: "404" } });
    expect(res.status).toBe(200);
  });
});

describe("the app server's variant paths", () => {
  /** A server whose handler answers with the path Next would be handed. */
  async function echoPath(): Promise<string> {
    const server = http.createServer(withRequestContext(async (req, res) => void res.end(req.url), { trustedHops: 0, scriptHash: SCRIPT_HASH }));
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("hands Next a variant's GET and HEAD as its own path, however the query is spelled, and answers bad filters with 400", async () => {
    const base = await echoPath();
    const seen = async (path: string, init?: RequestInit) => {
      const res = await fetch(`${base}${path}`, init);
      return [res.status, init?.method === "HEAD" ? null : await res.text()];
    };
    const newest = `/trending/${feedViewSegment("sort=new")}`;
    expect(await seen("/?sort=new")).toEqual([200, newest]);
    expect(await seen("/?sort=new&utm_source=mail")).toEqual([200, newest]);
    expect(await seen("/?sort=new", { method: "HEAD" })).toEqual([200, null]);
    const search = await seen("/search?q=graph%20networks&sort=top");
    expect(search).toEqual([200, `/search/results/${feedViewSegment(serializeFeedFilters(parsedFilters({ q: "graph networks", sort: "top" })))}`]);
    expect(await seen("/papers/week/2026-W22?code=1")).toEqual([200, `/papers/week/2026-W22/${feedViewSegment("code=1")}`]);
    expect((await seen("/subscribe?cat=cs.LG"))[1]).toMatch(/^\/subscribe\/preview\/[\w-]+$/);
    const bad = await seen("/?sort=sideways");
    expect(bad).toEqual([400, `/trending/${feedViewSegment("sort=sideways")}`]);
  });

  it("leaves a reader link, a post, a page without variants and a path that is not one as they came, for the proxy and Next", async () => {
    const base = await echoPath();
    const text = async (path: string, init?: RequestInit) => (await fetch(`${base}${path}`, init)).text();
    expect(await text("/?sort=new&r=token")).toBe("/?sort=new&r=token");
    expect(await text("/?sort=new", { method: "POST", body: "x" })).toBe("/?sort=new");
    expect(await text("/papers/2401.00001?sort=new")).toBe("/papers/2401.00001?sort=new");
    expect(await text("/?utm_source=mail")).toBe("/?utm_source=mail");
    expect(await text("//search?q=graph")).toBe("//search?q=graph");
  });

  it("answers a method no page takes with 405 and OPTIONS with 204, both naming the page methods; leaves API routes their own", async () => {
    const base = await echoPath();
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const res = await fetch(`${base}/subscribe`, { method });
      expect([res.status, res.headers.get("allow")], method).toEqual([405, "GET, HEAD, POST"]);
    }
    const options = await fetch(`${base}/api`, { method: "OPTIONS" });
    expect([options.status, options.headers.get("allow")]).toEqual([204, "GET, HEAD, POST"]);
    // Reads and posts reach the page; an API route gets every method, to answer as it documents.
    expect((await fetch(`${base}/subscribe`, { method: "POST", body: "x" })).status).toBe(200);
    expect(await (await fetch(`${base}/api/subscribe`, { method: "DELETE" })).text()).toBe("/api/subscribe");
  });

  it("answers a variant's own path asked for directly with 400 unless its segment is one the rewrite writes for filters that parse", async () => {
    const base = await echoPath();
    const status = async (path: string) => (await fetch(`${base}${path}`)).status;
    expect(await status(`/trending/${feedViewSegment("sort=new")}`)).toBe(200);
    expect(await status(`/papers/date/2026-05-08/${feedViewSegment("code=1")}?utm=x`)).toBe(200);
    expect(await status(`/search/results/${feedViewSegment(serializeFeedFilters(parsedFilters({ q: "graph" })))}`)).toBe(200);
    for (const path of [
      "/trending/%00",
      `/trending/${feedViewSegment("sort=zzz")}`,
      // Valid filters spelled another way than the rewrite writes them: a second cache entry for one list.
      `/trending/${feedViewSegment("sort=new&code=1")}`,
      `/search/results/${feedViewSegment("q=graph&utm=1")}`,
      "/subscribe/preview/not*base64",
    ]) {
      expect(await status(path), path).toBe(400);
    }
    // Pages that are not variants are not this check's to judge.
    expect(await status("/papers/2401.00001")).toBe(200);
  });

  it("answers a page's data route with 404, however its path is spelled: no page asks for one, and it served any variant's props with 200", async () => {
    const base = await echoPath();
    for (const path of [
      `/_next/data/b1/trending/${feedViewSegment("sort=zzz")}.json`,
      "/_next/data/b1/index.json?x=1",
      "/x/../_next/data/b1/papers/date/1900-01-01.json",
      "/_next/%2e%2e/_next/data/b1/subscribe.json",
    ]) {
      // The path as written: a URL would resolve its dot segments before sending.
      const { hostname, port } = new URL(base);
      const res = await new Promise<http.IncomingMessage>((resolve, reject) => http.get({ hostname, port, path }, resolve).on("error", reject));
      res.resume();
      expect(res.statusCode, path).toBe(404);
    }
    // Files and pages beside it are Next's to serve.
    expect(await (await fetch(`${base}/_next/static/chunks/data.js`)).text()).toBe("/_next/static/chunks/data.js");
    expect(await (await fetch(`${base}/papers/date/2026-05-08`)).text()).toBe("/papers/date/2026-05-08");
  });

  it("reads an absolute-form target as its path (never its authority), answers a target that is not a path with 400, and a body declared past its address's cap with 413, unread", async () => {
    const base = await echoPath();
    const { port } = new URL(base);
    const raw = (target: string, method = "GET") => rawRequest(Number(port), `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    const absolute = await raw("http://evil.example/search?q=graph");
    expect(absolute).toMatch(/^HTTP\/1\.1 200 /);
    expect(absolute).toContain(`/search/results/`);
    expect(absolute).not.toContain("evil.example");
    const huge = await rawRequest(
      Number(port),
      "POST /subscribe/submit HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 99999999999\r\n\r\nemail=",
    );
    // Refused at once, unread: without this, Next waited for all of the declared body.
    expect(huge).toMatch(/^HTTP\/1\.1 413 /);
    // Each address by its own cap, named in the answer: a public form past the public cap; the admin console takes a paste, but only
    // from a caller bringing credentials (the admin gate checks them after), never at the public sign-in page.
    const declaring = (path: string, bytes: number, headers = "") =>
      rawRequest(
        Number(port),
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\nContent-Length: ${bytes}\r\n${headers}Connection: close\r\n\r\n`,
      );
    const overPublic = await declaring("/api/subscribe", MAX_PUBLIC_BODY_BYTES + 1);
    expect(overPublic).toMatch(/^HTTP\/1\.1 413 /);
    expect(overPublic).toContain(`larger than ${MAX_PUBLIC_BODY_BYTES.toLocaleString("en")} bytes`);
    const bearer = "Authorization: Bearer some-token\r\n";
    expect(await declaring("/api/admin/ingest", MAX_PUBLIC_BODY_BYTES + 1, bearer)).not.toMatch(/^HTTP\/1\.1 413 /);
    expect(await declaring("/admin/ingestion", MAX_PUBLIC_BODY_BYTES + 1, "Cookie: theme=dark; pd_admin=x.y\r\n")).not.toMatch(/^HTTP\/1\.1 413 /);
    expect(await declaring("/api/admin/ingest", MAX_PASTE_BYTES + 1, bearer)).toContain(`larger than ${MAX_PASTE_BYTES.toLocaleString("en")} bytes`);
    for (const [path, headers] of [
      ["/api/admin/ingest", ""],
      ["/admin/login", bearer],
      // The path Next routes by, not as written.
      ["/x/../admin/login", bearer],
      ["/%61dmin/login", bearer],
    ]) {
      expect(await declaring(path!, MAX_PUBLIC_BODY_BYTES + 1, headers), path).toContain(`larger than ${MAX_PUBLIC_BODY_BYTES.toLocaleString("en")} bytes`);
    }
    for (const [target, method] of [
      ["*", "OPTIONS"],
      ["*", "GET"],
      ["example.org", "GET"],
    ] as const) {
      expect(await raw(target, method)).toMatch(/^HTTP\/1\.1 400 /);
    }
  });
});

/** One request written as raw bytes (fetch cannot send an asterisk or absolute-form target), and the whole answer. */
async function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(request));
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    socket.on("error", reject);
  });
}
