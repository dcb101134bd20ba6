// How a page that cannot set its own HTTP status gets one: a page rendered by getStaticProps always answers 200, and an App Router page
// has only notFound(), whose HTML is an empty shell without JavaScript (vercel/next.js#62228), or a throw, Next's bare 500. The proxy
// marks a variant whose query does not parse, an App Router page marks its own answer (setPageStatus), a cached page names it in its HTML (PAGE_STATUS_META), and
// the app's server (serve-app.ts, compress-response.ts) answers with that status.
import { AsyncLocalStorage } from "node:async_hooks";
import type http from "node:http";

/** Set by the proxy on its response, or by setPageStatus; never reaches a client. */
export const PAGE_STATUS_HEADER = "x-paper-digest-status";

/**
 * The response each request's work runs for, set by the app's server (forResponse). On globalThis: Next loads this module again in its
 * own bundles, and the pages' copy must find the server's store.
 */
const responses: AsyncLocalStorage<http.ServerResponse> = ((
  globalThis as { paperDigestPageResponses?: AsyncLocalStorage<http.ServerResponse> }
).paperDigestPageResponses ??= new AsyncLocalStorage());

/** Runs a request's handling with its response reachable by setPageStatus. */
export function forResponse<T>(res: http.ServerResponse, handle: () => T): T {
  return responses.run(res, handle);
}

/**
 * Called while an App Router page renders: answer this request with
 * `status` (a 4xx, or a 5xx such as a busy database's 503) instead of 200, with `headers` beside it (that 503's Retry-After), so the
 * page can show its own explanation, server-rendered, where notFound() would leave a reader without JavaScript a blank page and a
 * throw Next's bare 500. Under `next dev`, which runs without the app's server, the page answers 200.
 */
export function setPageStatus(status: number, headers: Record<string, string> = {}): void {
  const res = responses.getStore();
  if (!res || res.headersSent) return;
  res.setHeader(PAGE_STATUS_HEADER, String(status));
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}

/**
 * A Pages Router page (getStaticProps, cached) that must not answer 200 names its status in its props, under this key, and the
 * document writes it into the page's head (PAGE_STATUS_META, src/pages/_document.tsx). The app's server reads it off the HTML it sends
 * (statusInPage), whichever way Next made that answer: a render, its cache, or a render another request started at the same moment,
 * whose result Next hands to every request waiting for it with neither a render nor a cache read of their own.
 */
export const PAGE_STATUS_PROP = "pageStatus";

/** The `<meta name>` that carries a cached page's status in its HTML; page text is escaped, so no paper or query can write one. */
export const PAGE_STATUS_META = "paper-digest-status";

const STATUS_IN_PAGE = new RegExp(`<meta name="${PAGE_STATUS_META}" content="(4\\d\\d)"`);

/** The 4xx a page's HTML names (PAGE_STATUS_META), if any; bytes are decoded only when they hold the name. */
export function statusInPage(html: string | Buffer): number | undefined {
  if (!html.includes(PAGE_STATUS_META)) return undefined;
  const named = STATUS_IN_PAGE.exec(html.toString())?.[1];
  return named === undefined ? undefined : Number(named);
}

/**
 * Makes `res` answer with the status the proxy or the page named, when it named one and the page would otherwise have succeeded (a failure keeps
 * its own status). Such an answer is about this request alone: it is not stored by browsers or shared caches, and has no validator.
 */
export function applyPageStatus(res: http.ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    const named = Number(this.getHeader(PAGE_STATUS_HEADER));
    this.removeHeader(PAGE_STATUS_HEADER);
    const [status, ...rest] = args;
    if (!Number.isInteger(named) || named < 400 || named > 599 || status >= 300) return writeHead.apply(this, args);
    this.setHeader("cache-control", "private, no-store");
    this.removeHeader("etag");
    return writeHead.apply(this, [named, ...rest] as Parameters<typeof writeHead>);
  } as typeof writeHead;
}
