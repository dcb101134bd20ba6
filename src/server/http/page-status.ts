// How the proxy gives a cached page's variant its HTTP status: a page rendered by getStaticProps always answers 200, so the proxy marks
// a variant whose query does not parse and the app's server (serve-app.ts) answers it with that status instead.
import type http from "node:http";

/** Set by the proxy on its response; never reaches a client. */
export const PAGE_STATUS_HEADER = "x-paper-digest-status";

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
