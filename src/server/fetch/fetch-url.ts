// The one way the server fetches a listing or a thumbnail: allow-listed, polite, conditional, bounded in time and size, retried on 429/5xx.
import type { IncomingHttpHeaders } from "node:http";
import { assertFetchableUrl } from "./address-policy";
import { FetchError } from "./fetch-error";
import { sharedPoliteness, type TPoliteness } from "./host-politeness";
import { requestOnce, type TRequestOptions } from "./request-once";

export type TValidators = { etag?: string | null; lastModified?: string | null };

export type TFetched =
  | { notModified: true; url: string; status: 304 }
  | { notModified: false; url: string; status: number; body: string; contentType: string; validators: TValidators };

export type TFetcherOptions = {
  userAgent: string;
  allowLoopback?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  maxRetries?: number;
  backoffBaseMs?: number;
  /** A Retry-After longer than this ends the fetch instead of waiting. */
  maxRetryAfterMs?: number;
  maxRedirects?: number;
  politeness?: TPoliteness;
  sleep?: (ms: number) => Promise<void>;
  lookup?: TRequestOptions["lookup"];
};

/** A successful fetch's body as bytes (thumbnails), never decoded. */
type TFetchedBytes = { url: string; status: number; bytes: Buffer; contentType: string };

export type TFetcher = {
  get(url: string, opts?: { validators?: TValidators; accept?: string }): Promise<TFetched>;
  /** `maxBytes` lowers the fetcher's size cap for this request (it never raises it). */
  getBytes(url: string, opts?: { accept?: string; maxBytes?: number }): Promise<TFetchedBytes>;
};

const FETCH_DEFAULTS = { timeoutMs: 30_000, maxBytes: 20 * 1024 * 1024, maxRetries: 3, backoffBaseMs: 2_000, maxRetryAfterMs: 120_000, maxRedirects: 5 };

const header = (headers: IncomingHttpHeaders, name: string) => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

const isRetryable = (status: number) => status === 429 || (status >= 500 && status <= 599);

export function createFetcher(options: TFetcherOptions): TFetcher {
  const o = { ...FETCH_DEFAULTS, ...options };
  const policy = { allowLoopback: o.allowLoopback ?? false };
  const politeness = o.politeness ?? sharedPoliteness;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  async function attempt(url: URL, headers: Record<string, string>, maxBytes: number) {
    return politeness.run(url.host, () => requestOnce(url, { headers, timeoutMs: o.timeoutMs, maxBytes, policy, lookup: o.lookup }));
  }

  async function follow(start: URL, headers: Record<string, string>, maxBytes: number) {
    let url = start;
    for (let hop = 0; ; hop++) {
      const res = await attempt(url, headers, maxBytes);
      const location = header(res.headers, "location");
      if (![301, 302, 303, 307, 308].includes(res.status) || !location) return { url, res };
      if (hop >= o.maxRedirects) throw new FetchError("redirects", start.href, `too many redirects from ${start.href}`);
      url = assertFetchableUrl(new URL(location, url), policy);
    }
  }

  /** A 2xx or 304 response, after redirects and retries; anything else throws. */
  async function fetchOk(rawUrl: string, headers: Record<string, string>, maxBytes: number) {
    const start = assertFetchableUrl(rawUrl, policy);
    for (let tries = 0; ; tries++) {
      const { url, res } = await follow(start, headers, maxBytes);
      if (res.status === 304 || (res.status >= 200 && res.status < 300)) return { url, res };
      const wait = retryAfterMs(header(res.headers, "retry-after"), Date.now()) ?? o.backoffBaseMs * 2 ** tries;
      const what = `HTTP ${res.status} from ${url.href}`;
      if (!isRetryable(res.status)) throw new FetchError("http", url.href, what, { status: res.status });
      if (tries >= o.maxRetries) throw new FetchError("http", url.href, `${what} after ${tries + 1} attempts`, { status: res.status });
      if (wait > o.maxRetryAfterMs) throw new FetchError("http", url.href, `${what}: asked to retry after ${Math.ceil(wait / 1000)} s`, { status: res.status });
      await sleep(wait);
    }
  }

  const baseHeaders = (accept: string | undefined): Record<string, string> => ({
    "user-agent": o.userAgent,
    "accept-encoding": "gzip, deflate, br",
    accept: accept ?? "*/*",
  });

  return {
    async get(rawUrl, opts = {}) {
      const headers = baseHeaders(opts.accept);
      if (opts.validators?.etag) headers["if-none-match"] = opts.validators.etag;
      if (opts.validators?.lastModified) headers["if-modified-since"] = opts.validators.lastModified;
      const { url, res } = await fetchOk(rawUrl, headers, o.maxBytes);
      if (res.status === 304) return { notModified: true, url: url.href, status: 304 };
      return {
        notModified: false,
        url: url.href,
        status: res.status,
        body: res.body.toString("utf8"),
        contentType: header(res.headers, "content-type") ?? "",
        validators: { etag: header(res.headers, "etag") ?? null, lastModified: header(res.headers, "last-modified") ?? null },
      };
    },

    async getBytes(rawUrl, opts = {}) {
      const maxBytes = Math.min(o.maxBytes, opts.maxBytes ?? o.maxBytes);
      const { url, res } = await fetchOk(rawUrl, baseHeaders(opts.accept), maxBytes);
      // No validators were sent, so a 304 is a broken server, not a cached copy.
      if (res.status === 304) throw new FetchError("http", url.href, `unexpected HTTP 304 from ${url.href}`, { status: 304 });
      return { url: url.href, status: res.status, bytes: res.body, contentType: header(res.headers, "content-type") ?? "" };
    },
  };
}
