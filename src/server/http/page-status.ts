// How a page that cannot set its own HTTP status gets one: a page rendered by getStaticProps always answers 200, and an App Router page
// has only notFound(), whose HTML is an empty shell without JavaScript (vercel/next.js#62228). The proxy marks a variant whose query
// does not parse, an App Router page marks its own answer (setPageStatus), a cached page names it in its props (PAGE_STATUS_PROP),
// and the app's server (serve-app.ts) answers with that status.
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
 * Called while a page renders (an App Router page, or getStaticProps), or by the page cache serving one: answer this request with
 * `status` (a 4xx) instead of 200, so the page can show its own explanation, server-rendered, where notFound() would leave a reader
 * without JavaScript a blank page. Under `next dev`, which runs without the app's server, the page answers 200.
 */
export function setPageStatus(status: number): void {
  const res = responses.getStore();
  if (res && !res.headersSent) res.setHeader(PAGE_STATUS_HEADER, String(status));
}

/**
 * A page cached with its props (getStaticProps) that must not answer 200 carries its status in them, under this key: the render
 * that makes it sets the status (setPageStatus) and the page cache sets it again each time it serves the page (statusOfCachedPage).
 */
export const PAGE_STATUS_PROP = "pageStatus";

/** The status a cached Pages Router entry's props name, if any (`pageData` as Next stores it: `{ pageProps: {...} }`). */
export function statusOfCachedPage(pageData: unknown): number | undefined {
  const props = (pageData as { pageProps?: Record<string, unknown> } | null | undefined)?.pageProps;
  const status = props?.[PAGE_STATUS_PROP];
  return typeof status === "number" ? status : undefined;
}

/**
 * Makes `res` answer with the status the proxy named, when it named one and the page would otherwise have succeeded (a failure keeps
 * its own status). Such an answer is about this request alone: it is not stored by browsers or shared caches, and has no validator.
 */
export function applyPageStatus(res: http.ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    const named = Number(this.getHeader(PAGE_STATUS_HEADER));
    this.removeHeader(PAGE_STATUS_HEADER);
    const [status, ...rest] = args;
    if (!Number.isInteger(named) || named < 400 || named > 499 || status >= 300) return writeHead.apply(this, args);
    this.setHeader("cache-control", "private, no-store");
    this.removeHeader("etag");
    return writeHead.apply(this, [named, ...rest] as Parameters<typeof writeHead>);
  } as typeof writeHead;
}
