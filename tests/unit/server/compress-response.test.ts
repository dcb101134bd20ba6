// The app server's compression and validators: a page ended whole is given an ETag from its content, answered 304 to a client that
// holds it, and compressed once with its bytes reused, keyed by its content; every other response is compressed as it streams; a
// client that asks for no encoding gets none.
import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { CompressedBodies, withCompression } from "../../../src/server/http/compress-response";

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const page = (n: number) => `<!doctype html><p>${`paper ${n} `.repeat(400)}</p>`;

type TRoutes = Record<string, (res: http.ServerResponse) => void>;

const routes: TRoutes = {
  // How Next sends a page from its cache (generateEtags off): the whole body in one end(), with a Content-Length.
  "/cached": (res) => sendWhole(res, page(1)),
  "/cached-2": (res) => sendWhole(res, page(2)),
  "/cached-7": (res) => sendWhole(res, page(7)),
  "/same-as-cached": (res) => sendWhole(res, page(1)),
  "/small": (res) => sendWhole(res, "<p>tiny</p>"),
  "/no-transform": (res) => {
    res.setHeader("Cache-Control", "public, no-transform");
    sendWhole(res, page(5));
  },
  "/not-found": (res) => {
    res.statusCode = 404;
    sendWhole(res, page(8));
  },
  // A variant whose query does not parse: the proxy named its status (src/server/http/page-status.ts), so it must not be validated.
  "/named-status": (res) => {
    res.setHeader("x-paper-digest-status", "400");
    sendWhole(res, page(9));
  },
  "/image": (res) => {
    res.setHeader("Content-Type", "image/png");
    res.setHeader("ETag", '"etag-png"');
    res.end(Buffer.alloc(4096, 7));
  },
  // A search refused for what it asks: its document names the status in the head (src/pages/_document.tsx).
  "/refused": (res) => sendWhole(res, `<html><head><meta name="paper-digest-status" content="400"/></head><body>${page(11)}</body></html>`),
  // A paper whose text quotes the marker: page text is escaped, so it reads as text, not as a tag.
  "/quotes-marker": (res) => sendWhole(res, `<p>&lt;meta name=&quot;paper-digest-status&quot; content=&quot;400&quot;</p>${page(12)}`),
  // How Next sends a feed: its route handler named its own ETag, and the body comes in chunks.
  "/feed": (res) => {
    res.setHeader("Content-Type", "application/rss+xml; charset=utf-8");
    res.setHeader("ETag", '"feed-1"');
    res.write(page(10).slice(0, 2000));
    setTimeout(() => res.end(page(10).slice(2000)), 5);
  },
  // A feed whose writer waits for each chunk's callback before the next, as a stream piped to the response does.
  "/feed-waits": (res) => {
    res.setHeader("Content-Type", "application/json");
    res.setHeader("ETag", '"feed-2"');
    res.write(page(13).slice(0, 2000), () => res.end(Buffer.from(page(13).slice(2000)), () => undefined));
  },
  // A subscriber's private feed: tagged, but for one reader.
  "/private-feed": (res) => {
    res.setHeader("Content-Type", "application/rss+xml; charset=utf-8");
    res.setHeader("Cache-Control", "private, no-store");
    res.setHeader("ETag", '"feed-3"');
    res.end(page(14));
  },
  // A static file's range, as Next's file server answers `Range: bytes=100-3099`: its Content-Range counts the file's own bytes.
  "/partial": (res) => {
    const slice = page(15).slice(100, 3100);
    res.statusCode = 206;
    res.setHeader("Content-Type", "application/javascript; charset=UTF-8");
    res.setHeader("Content-Range", `bytes 100-3099/${page(15).length}`);
    res.setHeader("Content-Length", slice.length);
    res.write(slice.slice(0, 2000));
    setTimeout(() => res.end(slice.slice(2000)), 5);
  },
  // How an App Router page or a static file is sent: in chunks.
  "/stream": (res) => {
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.write(page(6).slice(0, 2000));
    setTimeout(() => res.end(page(6).slice(2000)), 5);
  },
};

function sendWhole(res: http.ServerResponse, body: string): void {
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}

async function serve(bodies: CompressedBodies): Promise<string> {
  const handler = withCompression(async (req, res) => {
    const search = /^\/search\/results\/q-(\d+)$/.exec(req.url ?? "");
    if (search) return sendWhole(res, page(100 + Number(search[1])));
    routes[req.url ?? ""]!(res);
  }, bodies);
  const server = http.createServer((req, res) => void handler(req, res));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

type TAnswer = { status: number; headers: http.IncomingHttpHeaders; raw: Buffer; text: string };

/** node:http, not fetch: fetch decodes bodies itself and would hide what was sent. */
function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<TAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, method }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          // A HEAD names the encoding its GET is sent in, with no bytes to decode.
          const encoding = raw.length > 0 ? res.headers["content-encoding"] : undefined;
          const plain = encoding === "br" ? zlib.brotliDecompressSync(raw) : encoding === "gzip" ? zlib.gunzipSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, text: plain.toString("utf8") });
        });
      })
      .on("error", reject);
  });
}

const BROWSER = { "accept-encoding": "gzip, deflate, br, zstd" };

describe("the app server's compression", () => {
  it("compresses a cached page once per encoding and serves the same bytes after, with a matching Content-Length", async () => {
    const bodies = new CompressedBodies();
    const base = await serve(bodies);
    const first = await get(`${base}/cached`, BROWSER);
    const second = await get(`${base}/cached`, BROWSER);
    expect(first.headers["content-encoding"]).toBe("br");
    expect(first.text).toBe(page(1));
    expect(second.raw.equals(first.raw)).toBe(true);
    expect(Number(second.headers["content-length"])).toBe(second.raw.length);
    expect(second.headers.vary).toMatch(/accept-encoding/i);
    // The same page's identity answer is another representation, with its own validator.
    expect(second.headers.etag).toBe(`${(await get(`${base}/cached`)).headers.etag!.slice(0, -1)}-br"`);
    const gzip = await get(`${base}/cached`, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.text).toBe(page(1));
    expect({ hits: bodies.hits, misses: bodies.misses }).toEqual({ hits: 1, misses: 2 });
  });

  it("hashes a page's text once while it is served, whoever asks and however, and a page that changed gets its own ETag", async () => {
    const bodies = new CompressedBodies();
    const base = await serve(bodies);
    const etags = [await get(`${base}/cached`, BROWSER), await get(`${base}/cached`), await get(`${base}/same-as-cached`, { "accept-encoding": "gzip" })].map(
      (answer) => answer.headers.etag!,
    );
    const identity = etags[1]!;
    expect(etags).toEqual([`${identity.slice(0, -1)}-br"`, identity, `${identity.slice(0, -1)}-gzip"`]);
    expect(bodies.digestsComputed).toBe(1);
    const other = await get(`${base}/cached-2`);
    expect(other.headers.etag).not.toBe(etags[0]);
    expect(other.text).toBe(page(2));
    expect(bodies.digestsComputed).toBe(2);
  });

  it("keys kept bytes by the body: two pages with the same body share them, others never get them", async () => {
    const bodies = new CompressedBodies();
    const base = await serve(bodies);
    expect((await get(`${base}/cached`, BROWSER)).text).toBe(page(1));
    expect((await get(`${base}/cached-2`, BROWSER)).text).toBe(page(2));
    expect((await get(`${base}/same-as-cached`, BROWSER)).text).toBe(page(1));
    expect({ hits: bodies.hits, misses: bodies.misses }).toEqual({ hits: 1, misses: 2 });
  });

  it("gives a whole page an ETag from its body and encoding, and answers a client holding it with 304, no body and the 200's Vary", async () => {
    const base = await serve(new CompressedBodies());
    const etag = (await get(`${base}/cached`)).headers.etag!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect((await get(`${base}/same-as-cached`)).headers.etag).toBe(etag);
    expect((await get(`${base}/cached-2`)).headers.etag).not.toBe(etag);
    const brotli = (await get(`${base}/cached`, BROWSER)).headers.etag!;
    expect(brotli).toBe(`${etag.slice(0, -1)}-br"`);
    for (const [headers, held] of [
      [{}, etag],
      [BROWSER, brotli],
    ] as const) {
      for (const tag of [held, `W/${held}`, `"other", ${held}`, "*"]) {
        const again = await get(`${base}/cached`, { ...headers, "if-none-match": tag });
        expect({ status: again.status, etag: again.headers.etag, length: again.raw.length }, tag).toEqual({ status: 304, etag: held, length: 0 });
        expect(again.headers["content-encoding"]).toBeUndefined();
        expect(again.headers.vary, tag).toMatch(/accept-encoding/i);
      }
    }
    // Holding one encoding's bytes validates only those: a client now taking brotli gets them, not a 304 for what it holds.
    const switched = await get(`${base}/cached`, { ...BROWSER, "if-none-match": etag });
    expect([switched.status, switched.headers["content-encoding"], switched.text]).toEqual([200, "br", page(1)]);
    const changed = await get(`${base}/cached-2`, { "if-none-match": etag });
    expect([changed.status, changed.text]).toEqual([200, page(2)]);
  });

  it("validates only whole answers with a 200: no ETag on an error, a status the proxy named or a stream", async () => {
    const base = await serve(new CompressedBodies());
    for (const path of ["/not-found", "/named-status", "/stream"]) {
      const answer = await get(`${base}${path}`, { "if-none-match": "*" });
      expect(answer.headers.etag, path).toBeUndefined();
      expect(answer.status, path).not.toBe(304);
    }
  });

  it("answers a page whose HTML names a status with that status (for the app's server to apply), unvalidated, on every request", async () => {
    const bodies = new CompressedBodies();
    const base = await serve(bodies);
    for (let i = 0; i < 3; i += 1) {
      const answer = await get(`${base}/refused`, BROWSER);
      expect([answer.headers["x-paper-digest-status"], answer.headers.etag]).toEqual(["400", undefined]);
      expect(answer.text).toContain(page(11));
    }
    expect(bodies.digestsComputed).toBe(1);
    const quoted = await get(`${base}/quotes-marker`);
    expect([quoted.headers["x-paper-digest-status"], typeof quoted.headers.etag]).toEqual([undefined, "string"]);
  });

  it("answers a HEAD as its GET, without the body: the same ETag, encoding and length, and 304 to a client holding the tag", async () => {
    const base = await serve(new CompressedBodies());
    for (const headers of [{}, BROWSER, { "accept-encoding": "gzip" }] as Record<string, string>[]) {
      const full = await get(`${base}/cached`, headers);
      const head = await get(`${base}/cached`, headers, "HEAD");
      const label = JSON.stringify(headers);
      expect([head.status, head.raw.length], label).toEqual([200, 0]);
      for (const name of ["etag", "content-encoding", "content-length", "vary"]) expect(head.headers[name], `${label} ${name}`).toBe(full.headers[name]);
      expect((await get(`${base}/cached`, { ...headers, "if-none-match": String(full.headers.etag) }, "HEAD")).status, label).toBe(304);
    }
  });

  it("gives an answer that names its own ETag (a streamed feed) the suffix of the encoding it is sent in, and a 304 when held", async () => {
    const base = await serve(new CompressedBodies());
    for (const [headers, etag] of [
      [{}, '"feed-1"'],
      [BROWSER, '"feed-1-br"'],
      [{ "accept-encoding": "gzip" }, '"feed-1-gzip"'],
    ] as [Record<string, string>, string][]) {
      const first = await get(`${base}/feed`, headers);
      expect([first.status, first.headers.etag, first.text]).toEqual([200, etag, page(10)]);
      const again = await get(`${base}/feed`, { ...headers, "if-none-match": etag });
      expect([again.status, again.raw.length, again.headers.etag, again.headers["content-encoding"]]).toEqual([304, 0, etag, undefined]);
      expect(again.headers.vary).toMatch(/accept-encoding/i);
    }
    // Another encoding's tag does not validate these bytes.
    expect((await get(`${base}/feed`, { ...BROWSER, "if-none-match": '"feed-1-gzip"' })).status).toBe(200);
  });

  it("compresses an answer with its own ETag once per encoding, as it keeps pages, in the variants' budget", async () => {
    const bodies = new CompressedBodies();
    const base = await serve(bodies);
    for (const headers of [BROWSER, BROWSER, { "accept-encoding": "gzip" }, { "accept-encoding": "gzip" }]) {
      const answer = await get(`${base}/feed`, headers);
      expect(answer.text).toBe(page(10));
      expect(answer.headers["content-encoding"]).toBe(headers === BROWSER ? "br" : "gzip");
    }
    // The second request of each encoding was answered with the kept bytes, their length named up front.
    expect({ hits: bodies.hits, misses: bodies.misses }).toEqual({ hits: 2, misses: 2 });
    const kept = await get(`${base}/feed`, BROWSER);
    expect(Number(kept.headers["content-length"])).toBe(kept.raw.length);
    const head = await get(`${base}/feed`, BROWSER, "HEAD");
    for (const name of ["etag", "content-encoding", "content-length", "vary"]) expect(head.headers[name], name).toBe(kept.headers[name]);
    // A writer that waits for each chunk's callback gets it, and the answer ends.
    for (let n = 0; n < 2; n += 1) expect((await get(`${base}/feed-waits`, BROWSER)).text).toBe(page(13));
    // A reader's private feed is compressed for each request, never kept beside everybody's.
    const before = { hits: bodies.hits, misses: bodies.misses };
    for (let n = 0; n < 2; n += 1) {
      const answer = await get(`${base}/private-feed`, BROWSER);
      expect([answer.text, answer.headers["content-encoding"], answer.headers.etag]).toEqual([page(14), "br", '"feed-3-br"']);
    }
    expect({ hits: bodies.hits, misses: bodies.misses }).toEqual(before);
    // Any query string makes a new feed or API read: with no room for variants, none is kept, and the site's pages still are.
    const noVariants = new CompressedBodies({ pages: 1024 * 1024, variants: 0 });
    const other = await serve(noVariants);
    for (const path of ["/feed", "/feed", "/cached", "/cached"]) await get(`${other}${path}`, BROWSER);
    expect({ hits: noVariants.hits, misses: noVariants.misses }).toEqual({ hits: 1, misses: 3 });
  });

  it("keeps the most recently served bodies within its budget, each buffer its own exact size, and still answers past it", async () => {
    const sizes = [1, 2, 7].map((n) => zlib.brotliCompressSync(page(n), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }).length);
    // Room for two of the three pages.
    const bodies = new CompressedBodies({ pages: sizes[0]! + sizes[1]! + 1, variants: 0 });
    const base = await serve(bodies);
    for (const path of ["/cached", "/cached-2", "/cached", "/cached-7", "/cached"]) expect((await get(`${base}${path}`, BROWSER)).text).toContain("paper");
    // The second request of /cached made it the most recent, so /cached-7 evicted /cached-2 and the third found /cached kept.
    expect({ hits: bodies.hits, misses: bodies.misses }).toEqual({ hits: 2, misses: 3 });
    // zlib returns views of 16 KB chunks; what is kept is copied to its own size, so the budget counts what is held.
    expect(bodies.heldBytes()).toBeLessThanOrEqual(sizes[0]! + sizes[1]! + 1);
  });

  it("gives search results and other variants a budget of their own, so a flood of queries never evicts the site's pages", async () => {
    // Room for the one site page; the variants' budget holds a few queries.
    const size = zlib.brotliCompressSync(page(1), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }).length;
    const bodies = new CompressedBodies({ pages: size + 1, variants: 4 * size });
    const base = await serve(bodies);
    await get(`${base}/cached`, BROWSER);
    for (let n = 0; n < 20; n += 1) expect((await get(`${base}/search/results/q-${n}`, BROWSER)).text).toBe(page(100 + n));
    expect(bodies.misses).toBe(21);
    await get(`${base}/cached`, BROWSER);
    expect(bodies.hits).toBe(1);
  });

  it("streams the rest compressed as it is written, and keeps none of it", async () => {
    const bodies = new CompressedBodies();
    const base = await serve(bodies);
    for (const path of ["/stream", "/not-found"]) {
      const answer = await get(`${base}${path}`, BROWSER);
      expect(answer.headers["content-encoding"]).toBe("br");
      expect(answer.text).toBe(path === "/stream" ? page(6) : page(8));
    }
    expect(bodies.misses).toBe(0);
  });

  it("sends identity to a client that asks for none or refuses br and gzip; and leaves small, binary and no-transform bodies alone", async () => {
    const bodies = new CompressedBodies();
    const base = await serve(bodies);
    for (const headers of [{}, { "accept-encoding": "identity" }, { "accept-encoding": "br;q=0, gzip;q=0" }] as Record<string, string>[]) {
      const answer = await get(`${base}/cached`, headers);
      expect(answer.headers["content-encoding"]).toBeUndefined();
      expect(answer.text).toBe(page(1));
    }
    for (const path of ["/small", "/image", "/no-transform"]) expect((await get(`${base}${path}`, BROWSER)).headers["content-encoding"]).toBeUndefined();
    expect(bodies.misses).toBe(0);
  });

  it("sends a range (206) as the bytes its Content-Range names, uncompressed: gzip of the slice under the file's byte positions was no part of any representation", async () => {
    const answer = await get(`${await serve(new CompressedBodies())}/partial`, { ...BROWSER, range: "bytes=100-3099" });
    expect(answer.status).toBe(206);
    expect(answer.headers["content-encoding"]).toBeUndefined();
    expect(answer.raw.toString("utf8")).toBe(page(15).slice(100, 3100));
    expect(Number(answer.headers["content-length"])).toBe(3000);
  });

  it("never sends deflate, which would need a tag of its own: a client taking only deflate gets identity, one taking gzip too gets gzip", async () => {
    const base = await serve(new CompressedBodies());
    const identity = await get(`${base}/cached`);
    for (const [accepted, encoding] of [
      ["deflate", undefined],
      ["Deflate;q=1", undefined],
      ["gzip;q=0.5, deflate;q=1", "gzip"],
      ["deflate, br", "br"],
      // Through "*" too: the compression package took deflate for any encoding, and sent it under the identity bytes' ETag.
      ["*, br;q=0, gzip;q=0", undefined],
      ["*;q=0.5, br;q=0", "gzip"],
    ] as const) {
      for (const path of ["/cached", "/stream", "/feed"]) {
        const answer = await get(`${base}${path}`, { "accept-encoding": accepted });
        expect(answer.headers["content-encoding"], `${accepted} ${path}`).toBe(encoding);
      }
      if (encoding === undefined) expect((await get(`${base}/cached`, { "accept-encoding": accepted })).headers.etag).toBe(identity.headers.etag);
    }
  });

  it("uses gzip for a client that takes gzip but not br", async () => {
    const base = await serve(new CompressedBodies());
    const answer = await get(`${base}/cached`, { "accept-encoding": "gzip, br;q=0" });
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.text).toBe(page(1));
  });

  it("answers every Accept-Encoding a client may send, odd or hostile, with a body it can decode", async () => {
    const base = await serve(new CompressedBodies());
    const odd = ["*", "br;q=abc", "gzip;q=-1, br;q=2", ";;;,,,", "x-unknown", "BR", "gzip;q=0.5, *;q=0.9", `gzip, ${"x,".repeat(2000)}`, "identity;q=0, *;q=0"];
    for (const value of odd) {
      for (const path of ["/cached", "/stream"]) {
        const answer = await get(`${base}${path}`, { "accept-encoding": value });
        expect(answer.status, value).toBe(200);
        expect(answer.text, value).toBe(path === "/cached" ? page(1) : page(6));
      }
    }
  });
});
