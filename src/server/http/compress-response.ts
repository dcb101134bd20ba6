// Compresses responses for clients that ask for it, and keeps the compressed bytes of the pages Next serves from its cache, so a cached
// page is compressed once per version instead of once per request: compressing `/` on every request cost it 28-31% of its throughput.
// Gives those pages their ETag too, and answers a browser that holds the page with 304 (Next's own ETag, a hash in JavaScript, cost
// 8% of the server's CPU under load: about 0.2 ms for each 80 KB page, against 0.07 ms for the SHA-256 computed here anyway).
import type http from "node:http";
import zlib from "node:zlib";
import compression from "compression";
import Negotiator from "negotiator";
import { ByteBudgetLru } from "../cache/byte-budget-lru";
import { isVariantPath } from "../cache/variant-paths";
import { entityTag, sha256 } from "./entity-tag";
import { PAGE_STATUS_HEADER, statusInPage } from "./page-status";

type THandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

type TEncoding = "br" | "gzip";

type TPageFacts = { digest: string; status: number | undefined };

/** The compression package's own brotli quality (4), set for both paths, so a page compressed here and one it streams come out alike. */
const BROTLI_OPTIONS = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } };
/** The compression package's threshold: below it, the header bytes outweigh the saving. */
const THRESHOLD_BYTES = 1024;
/**
 * Compressed pages kept, those served once dropped before those served again (a segmented LRU, src/server/cache/byte-budget-lru.ts), in
 * two budgets as in the page cache (src/server/cache/variant-paths.ts):
 * the site's pages (about 1,400 front pages or 4,000 paper pages) and variants made from a query string (about 800 searches).
 */
const BUDGET_BYTES = { pages: 24 * 1024 * 1024, variants: 8 * 1024 * 1024 };

/**
 * Characters of page text whose digest is kept (about 200 front pages or 400 search pages). Next sends a page served from its cache as
 * the same string object every time, so the strings held are mostly the page cache's own; after a feed change, until they are pushed
 * out, at most this much is held for nothing.
 */
const DIGEST_BUDGET_CHARS = 16 * 1024 * 1024;

const SUPPORTED = ["br", "gzip", "deflate", "identity"];
const PREFERRED = ["br", "gzip"];
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;
/** An answer for one reader (a private feed): compressed as it streams, never kept in memory beside everybody's. */
const PRIVATE = /(?:^|,)\s*(?:private|no-store)\s*(?:[=,]|$)/i;

function compress(encoding: TEncoding, body: Buffer): Buffer {
  const out = encoding === "br" ? zlib.brotliCompressSync(body, BROTLI_OPTIONS) : zlib.gzipSync(body);
  // zlib hands back a view of its 16 KB output chunk: kept as it is, a 2 KB page would hold 16 KB that the budget never counts.
  const exact = Buffer.allocUnsafeSlow(out.length);
  out.copy(exact);
  return exact;
}

/**
 * Compressed bodies by encoding and the SHA-256 of the uncompressed body, so no crafted page (a search query) can share another's key
 * and be served that page's bytes, as it could with the 52-bit FNV hash Next's ETags were.
 */
export class CompressedBodies {
  private readonly pools: Record<"pages" | "variants", ByteBudgetLru<Buffer>>;
  /** SHA-256 by page text: a page served from Next's cache is not copied to bytes and hashed again on every request (6% of the CPU). */
  private readonly digests = new ByteBudgetLru<TPageFacts>(DIGEST_BUDGET_CHARS);
  hits = 0;
  misses = 0;
  digestsComputed = 0;

  constructor(budgets: { pages: number; variants: number } = BUDGET_BYTES) {
    this.pools = { pages: new ByteBudgetLru(budgets.pages), variants: new ByteBudgetLru(budgets.variants) };
  }

  /**
   * What a page's text says of itself, read once for each page text seen lately: the SHA-256 (base64url) of the text as UTF-8 (`bytes()`
   * giving those bytes), and the 4xx its HTML names (statusInPage).
   */
  factsOf(text: string, bytes: () => Buffer): TPageFacts {
    const known = this.digests.get(text);
    if (known !== undefined) return known;
    const facts = { digest: sha256(bytes()), status: statusInPage(text) };
    this.digestsComputed += 1;
    this.digests.set(text, facts, text.length);
    return facts;
  }

  /** What the kept bodies hold, every byte of every buffer counted. */
  heldBytes(): number {
    let total = 0;
    for (const pool of Object.values(this.pools)) for (const kept of pool.values()) total += kept.buffer.byteLength;
    return total;
  }

  /**
   * `digest`: the body's SHA-256 (base64url); `body()`: its bytes; `variant`: whether a query string made it (isVariantPath of the path
   * Next served, or a feed or API read), which keeps it in the variants' budget.
   */
  get(encoding: TEncoding, digest: string, body: () => Buffer, variant: boolean): Buffer {
    const kept = this.peek(encoding, digest, variant);
    if (kept) return kept;
    this.misses += 1;
    const compressed = compress(encoding, body());
    this.poolOf(variant).set(`${encoding}:${digest}`, compressed, compressed.length);
    return compressed;
  }

  /** The kept bytes of a body, if any (counted as a hit), for an answer whose headers go out before its body is seen. */
  peek(encoding: TEncoding, digest: string, variant: boolean): Buffer | undefined {
    const kept = this.poolOf(variant).get(`${encoding}:${digest}`);
    if (kept) this.hits += 1;
    return kept;
  }

  private poolOf(variant: boolean): ByteBudgetLru<Buffer> {
    return variant ? this.pools.variants : this.pools.pages;
  }
}

/** The encoding to keep a body in for this request, as the compression package would negotiate it; null when it would not compress. */
function cachedEncoding(req: http.IncomingMessage): TEncoding | null {
  if (!req.headers["accept-encoding"]) return null;
  const method = new Negotiator(req).encoding(SUPPORTED, PREFERRED);
  return method === "br" || method === "gzip" ? method : null;
}

const VARIES_BY_ENCODING = /(?:^|,)\s*(?:accept-encoding|\*)\s*(?:,|$)/i;

/** Adds Accept-Encoding to the answer's Vary, unless it is there (or `*`) already. */
function varyByEncoding(res: http.ServerResponse): void {
  const vary = String(res.getHeader("vary") ?? "");
  if (!VARIES_BY_ENCODING.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
}

/** Whether the client's If-None-Match names `etag` (weakly compared, as RFC 9110 has it for GET), or is `*`. */
function holds(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === etag || t === `W/${etag}`;
  });
}

/**
 * Whether the client holds `etag`, then made the answer a 304: no body, no content headers, and the Vary its 200 carries (RFC 9110
 * 15.4.5; the compression package, seeing no content type, adds none).
 */
function notModified(req: http.IncomingMessage, res: http.ServerResponse, etag: string, varies: boolean): boolean {
  if (!holds(req.headers["if-none-match"], etag)) return false;
  if (varies) varyByEncoding(res);
  res.statusCode = 304;
  res.removeHeader("content-type");
  res.removeHeader("content-length");
  return true;
}

/**
 * What the compression package may compress: its own filter (the content type), but never a range (206), whose Content-Range counts
 * the identity bytes; compressed, the slice was sent as gzip under the file's byte positions, which no representation has.
 */
function compressible(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  return res.statusCode !== 206 && compression.filter(req, res);
}

/** Whether the compression package will leave this answer as it is, from what it reads of it (compressible). */
function mayTransform(req: http.IncomingMessage, res: http.ServerResponse): boolean {
  return !NO_TRANSFORM.test(String(res.getHeader("cache-control") ?? "")) && compressible(req, res);
}

/**
 * An answer whose handler named its own strong ETag (a feed or an API read, streamed by Next) gets the suffix of the encoding it is
 * sent in, as a whole page's tag does, and is a 304 when the client holds that tag; checked as its headers are written, before the
 * compression package (whose header hook runs after this one) picks its encoding. Sent compressed, its bytes are kept as a page's are,
 * by that tag (the SHA-256 of its identity bytes, entityTagOf): an API read answered from the data cache was compressed again on every
 * request, about 3 ms of the server's CPU for 46 KB against 3.4 ms for the whole answer uncompressed.
 */
function answerOwnValidators(req: http.IncomingMessage, res: http.ServerResponse, bodies: CompressedBodies): void {
  const { writeHead, write, end } = res;
  /** Set as the headers go out: the encoding the body is kept in, and its kept bytes if any; undefined sends it as written. */
  let keep: { encoding: TEncoding; digest: string; kept: Buffer | undefined } | undefined;
  const chunks: Buffer[] = [];
  const restore = () => {
    res.write = write;
    res.end = end;
  };
  res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    res.writeHead = writeHead;
    const own = res.getHeader("etag");
    const status = typeof args[0] === "number" ? args[0] : res.statusCode;
    if (req.method === "GET" && status === 200 && typeof own === "string" && /^"[^"]+"$/.test(own)) {
      const varies = mayTransform(req, res);
      const encoding = varies && res.getHeader("content-encoding") === undefined ? cachedEncoding(req) : null;
      const small = Number(res.getHeader("content-length")) < THRESHOLD_BYTES;
      const etag = encoding && !small ? `${own.slice(0, -1)}-${encoding}"` : own;
      res.setHeader("ETag", etag);
      if (notModified(req, res, etag, varies)) {
        if (typeof args[0] === "number") args[0] = 304;
      } else if (encoding && !small && !PRIVATE.test(String(res.getHeader("cache-control") ?? ""))) {
        const digest = own.slice(1, -1);
        // Feeds and API reads are kept with the variants: any query string makes a new one.
        keep = { encoding, digest, kept: bodies.peek(encoding, digest, true) };
        // The compression package, seeing the encoding set, passes the kept bytes through; their length is known only when kept.
        res.setHeader("Content-Encoding", encoding);
        if (keep.kept) res.setHeader("Content-Length", keep.kept.length);
        else res.removeHeader("Content-Length");
      }
    }
    if (!keep) restore();
    return writeHead.apply(this, args);
  } as typeof writeHead;
  // Headers first, so the body's first bytes already know whether they are kept; then a kept body is gathered, not written.
  res.write = function (this: http.ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (!res.headersSent) res.writeHead(res.statusCode);
    if (!keep) return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    if (!keep.kept) chunks.push(toBuffer(chunk, rest[0]));
    const done = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
    if (done) process.nextTick(done);
    return true;
  } as typeof write;
  res.end = function (this: http.ServerResponse, ...args: unknown[]) {
    const endWith = end as (...a: unknown[]) => http.ServerResponse;
    if (!res.headersSent) res.writeHead(res.statusCode);
    restore();
    if (!keep) return endWith.apply(this, args);
    const [chunk, chunkEncoding] = args;
    if (!keep.kept && chunk !== undefined && typeof chunk !== "function") chunks.push(toBuffer(chunk, chunkEncoding));
    const { encoding, digest } = keep;
    const bytes = keep.kept ?? bodies.get(encoding, digest, () => Buffer.concat(chunks), true);
    const done = args.find((arg) => typeof arg === "function");
    return done ? endWith.call(this, bytes, done) : endWith.call(this, bytes);
  } as typeof end;
}

/** A chunk as written to a response (a string in the encoding given, utf8 by default, or bytes) as bytes. */
function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk), typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
}

/**
 * A page Next ends in one call with its whole body and a 200 (a page from its cache or just rendered into it) gets an ETag from its
 * SHA-256 and the encoding it is sent in, and is answered 304 when the client already holds it, or else with its kept compressed
 * bytes. Anything else (a stream, an error, a status the proxy named, an encoding other than br or gzip) is left to the compression
 * package, which compresses it as it is written.
 */
function answerWholeBodies(req: http.IncomingMessage, res: http.ServerResponse, bodies: CompressedBodies): void {
  if (req.method !== "GET") return;
  const { write, end } = res;
  const restore = () => {
    res.write = write;
    res.end = end;
  };
  res.write = function (this: http.ServerResponse, ...args: Parameters<typeof write>) {
    restore();
    return write.apply(this, args);
  } as typeof write;
  res.end = function (this: http.ServerResponse, ...args: unknown[]) {
    restore();
    const endWith = end as (...a: unknown[]) => http.ServerResponse;
    const [chunk, chunkEncoding] = args;
    const whole =
      !res.headersSent &&
      (typeof chunk === "string" || Buffer.isBuffer(chunk)) &&
      res.statusCode === 200 &&
      res.getHeader("etag") === undefined &&
      res.getHeader(PAGE_STATUS_HEADER) === undefined;
    if (!whole) return endWith.apply(this, args);
    const textEncoding = typeof chunkEncoding === "string" ? (chunkEncoding as BufferEncoding) : "utf8";
    let bytes: Buffer | undefined;
    const body = (): Buffer => (bytes ??= typeof chunk === "string" ? Buffer.from(chunk, textEncoding) : chunk);
    // A page string is read once while it is served: Next hands over the same string for every request its cache answers.
    const { digest, status } =
      typeof chunk === "string" && textEncoding === "utf8" ? bodies.factsOf(chunk, body) : { digest: sha256(body()), status: statusInPage(body()) };
    if (status !== undefined) {
      // A page refused for what its request asked (page-status.ts): answered with its status, unvalidated and unkept, by applyPageStatus.
      res.setHeader(PAGE_STATUS_HEADER, String(status));
      return endWith.apply(this, args);
    }
    // Whether the answer depends on Accept-Encoding, as the compression package decides it for its Vary (before any size threshold).
    const varies = mayTransform(req, res);
    const encoding = cachedEncoding(req);
    const keep =
      encoding !== null &&
      varies &&
      (typeof chunk === "string" ? Buffer.byteLength(chunk, textEncoding) : chunk.length) >= THRESHOLD_BYTES &&
      res.getHeader("content-encoding") === undefined;
    // Each encoding is its own representation, so its own strong validator (RFC 9110 8.8.3): the page's digest, then the encoding.
    const etag = entityTag(digest, keep ? encoding : null);
    res.setHeader("ETag", etag);
    if (notModified(req, res, etag, varies)) return endWith.call(this);
    if (!keep) return endWith.apply(this, args);
    const compressed = bodies.get(encoding, digest, body, isVariantPath(new URL(req.url ?? "/", "http://app").pathname));
    res.setHeader("Content-Encoding", encoding);
    res.setHeader("Content-Length", compressed.length);
    // The compression package adds `Vary: Accept-Encoding` and, seeing the encoding set, passes these bytes through.
    return endWith.call(this, compressed);
  } as typeof end;
}

const DEFLATE = /^\s*deflate\s*(?:;|$)/i;
const ANY = /^\s*\*\s*(?:;|$)/;

/**
 * Takes deflate out of what the client accepts before the compression package reads it: each encoding sent is its own representation
 * with its own tag, kept for br and gzip only, and a deflate answer went out under the identity bytes' ETag. br or gzip serve every
 * client that takes deflate today; one that takes nothing else gets identity. A client taking any encoding (`*`) is told deflate is
 * not among them (`deflate;q=0`: a named encoding's weight overrides `*`'s), since `*, br;q=0, gzip;q=0` was answered in deflate.
 */
function offerBrAndGzipOnly(req: http.IncomingMessage): void {
  const accepted = req.headers["accept-encoding"];
  if (accepted === undefined || !/deflate|\*/i.test(accepted)) return;
  const tokens = accepted.split(",").filter((token) => !DEFLATE.test(token));
  if (tokens.some((token) => ANY.test(token))) tokens.push("deflate;q=0");
  req.headers["accept-encoding"] = tokens.join(",");
}

/** Wraps a request handler so its responses are compressed, cached pages from `bodies`. Next's own compression must be off (`compress: false`). */
export function withCompression(handle: THandler, bodies = new CompressedBodies()): THandler {
  const compress = compression({ threshold: THRESHOLD_BYTES, brotli: BROTLI_OPTIONS, filter: compressible });
  return (req, res) =>
    new Promise<void>((resolve, reject) => {
      // The middleware wraps res.write and res.end and calls on synchronously; the wrapper installed after it sees Next's calls first.
      // A HEAD is answered as its GET, whose headers it must carry (RFC 9110 9.3.2), its ETag included: Next ends a HEAD with no body,
      // which leaves nothing to take a page's digest of. Node still sends no body, having read the method when the response was made.
      if (req.method === "HEAD") req.method = "GET";
      offerBrAndGzipOnly(req);
      compress(req, res, () => {
        answerOwnValidators(req, res, bodies);
        answerWholeBodies(req, res, bodies);
        handle(req, res).then(resolve, reject);
      });
    });
}
