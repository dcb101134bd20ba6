// The app's HTTP server: Next.js's request handler behind a plain node:http server that owns each socket, so it knows who is calling,
// that gives every response its Content-Security-Policy with a fresh nonce (no proxy round trip needed for it), and the status the
// proxy names for a cached page's invalid variant.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { Socket } from "node:net";
import type { Duplex } from "node:stream";
import next from "next";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state.js";
import { AppError, ERROR_STATUS } from "../errors/app-error";
import { describeError } from "../errors/describe-error";
import { isBusyDatabase } from "../errors/known-error";
import { acceptOnMoreHandles } from "./accept-connections";
import { withCompression } from "./compress-response";
import { withFairAdmission } from "./admit-requests";
import { logger } from "../logger";
import { CLIENT_ADDRESS_HEADER, clientAddressOf } from "./client-address";
import { cachedView, variantPathIsValid } from "./cached-views";
import { applyPageStatus, forResponse, PAGE_STATUS_HEADER } from "./page-status";
import { renderPagesWithNodeBuild } from "./render-pages-with-node-build";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";
import { adminCookieValue } from "../auth/admin-cookie";
import { maxBodyBytesAt } from "./body-limits";
import { buildRoutes } from "./build-routes";
import { declaresMoreThan } from "./read-body";
import { errorResponse, forReader } from "./respond";

export type TAppServer = { close: () => Promise<void> };

type THandler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/**
 * A GET or HEAD of a cached page's variant (`/?sort=new`, `/search?q=…`) is handed to Next as the variant's own path, so Next serves
 * it from its cache without running the proxy, which did the same rewrite at about 1 ms of this process's CPU per request (`/?sort=new`
 * 15-30% below `/` under load; an uncached search 8-10% more CPU). The address bar keeps the URL the visitor asked for. A reader link
 * (`r`) is left to the proxy, which takes the token off the URL first; posts too, which it checks.
 */
function rewriteCachedView(req: http.IncomingMessage, res: http.ServerResponse): void {
  if ((req.method !== "GET" && req.method !== "HEAD") || !req.url?.startsWith("/")) return;
  // The page explains what does not parse, answered with 400 (page-status.ts).
  const invalid = () => res.setHeader(PAGE_STATUS_HEADER, String(ERROR_STATUS.INVALID_INPUT));
  if (!req.url.includes("?")) {
    // A variant's own path asked for directly: only a segment the rewrite writes is a page to serve as it is.
    if (variantPathIsValid(req.url) === false) invalid();
    return;
  }
  // Written after a fixed origin, so "//host/…" stays a path.
  const url = new URL(`http://app${req.url}`);
  if (url.searchParams.has("r")) return;
  const view = cachedView(url.pathname, url.searchParams);
  if (!view) {
    if (variantPathIsValid(url.pathname) === false) invalid();
    return;
  }
  req.url = view.pathname;
  // The page it becomes is a zero-JS Pages Router page, which no App Router client asks for: Next answered a forged `RSC: 1` with a
  // redirect to the internal path (`/trending/<segment>?_rsc`).
  dropAppRouterClientHeaders(req);
  if (!view.valid) invalid();
}

/** What Next's App Router client sends with its own requests (an RSC payload, a prefetch, the router's state). */
const APP_ROUTER_CLIENT_HEADERS = ["rsc", "next-router-prefetch", "next-router-segment-prefetch", "next-router-state-tree", "next-url"];

/** Drops those headers from a request for something no App Router client asks for (a cached view, a route handler). */
function dropAppRouterClientHeaders(req: http.IncomingMessage): void {
  for (const name of APP_ROUTER_CLIENT_HEADERS) delete req.headers[name];
}

/**
 * Headers Next sets for its own routing (`x-middleware-rewrite` on a post its proxy rewrote): on an answer they say how the app is built
 * inside, and on a request they are a client's forgery (withRequestContext drops them).
 */
const INTERNAL_HEADER = /^x-middleware-/i;

/**
 * What Next tells shared caches about a page from its cache (`s-maxage=3600, stale-while-revalidate=…`, from the pages' hour-long
 * lifetime): a CDN in front would serve a page for an hour, then stale for up to a year, after a paper was hidden or fixed. Pages change
 * when the feed does, which only the app knows, so every cache may keep them but must ask again each time: the ETag makes that a 304.
 */
const SHARED_CACHE_LIFETIME = /^s-maxage=/i;
const REVALIDATE_EVERY_TIME = "public, no-cache";

/** Drops Next's internal headers and its shared-cache lifetime from the answer, however they were set, just before it is written. */
function finishHeaders(res: http.ServerResponse): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
    for (const name of this.getHeaderNames()) if (INTERNAL_HEADER.test(name)) this.removeHeader(name);
    if (SHARED_CACHE_LIFETIME.test(String(this.getHeader("cache-control") ?? ""))) this.setHeader("cache-control", REVALIDATE_EVERY_TIME);
    const headers = args.find((arg): arg is http.OutgoingHttpHeaders => typeof arg === "object" && arg !== null && !Array.isArray(arg));
    if (headers) for (const name of Object.keys(headers)) if (INTERNAL_HEADER.test(name)) delete headers[name];
    return writeHead.apply(this, args);
  } as typeof writeHead;
}

/**
 * Answers as a route handler answers the same error (errorResponse: its status and JSON body), before Next sees the request; with
 * `accept`, a page's refusal, as forReader answers it: the site's error page to a browser.
 */
function refuse(res: http.ServerResponse, err: AppError, accept?: string): void {
  forReader(accept, errorResponse(err))
    .then(async (answer) => {
      const body = await answer.text();
      // Sized, not chunked: a refusal is whole, and a client reading a CONNECT's answer off the socket gets it as plain bytes.
      res.writeHead(answer.status, { ...Object.fromEntries(answer.headers), "content-length": Buffer.byteLength(body) });
      res.end(body);
    })
    .catch((failure: unknown) => {
      logger.error({ err: describeError(failure) }, "could not write a refusal");
      res.destroy();
    });
}

/** What a page (anything but an API route under /api/) answers: reads, and the forms its server actions take. */
/** How long a stopping server lets requests still running finish before it closes their connections. */
const CLOSE_GRACE_MS = 5_000;

const PAGE_ALLOW = "GET, HEAD, POST";
/** What the feed's statically regenerated pages take: a post, whatever its body, would otherwise render one afresh (isStaticPage). */
const STATIC_PAGE_ALLOW = "GET, HEAD";
/**
 * The methods Next hands to a route handler. Any other it answers itself, badly: TRACE (which its Request cannot carry) with a 500 page
 * and a stack trace in the log for each request, PROPFIND and the like with an empty 400.
 */
const HANDLER_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** Whether a path is answered by a route handler (everything under /api/ and the feeds, robots.txt, thumbnails, …), which speaks JSON. */
function isRouteHandlerPath(pathname: string): boolean {
  return pathname.startsWith("/api/") || buildRoutes()?.isRouteHandler(pathname) === true;
}

/**
 * A method a page does not take is 405 with those it does (a static page GET and HEAD, others POST too, for their forms), and OPTIONS
 * their list (204): Next rendered a page for PUT, answered OPTIONS with a bodiless 400, and a POST to a static page with a text 405 naming
 * Allow twice, or, for a urlencoded body, with the page rendered afresh. Route handlers answer for their own methods (otherMethods in
 * src/server/http/respond.ts), but a method none of them can take (TRACE, PROPFIND, …) is 501 here, as JSON. True when answered.
 */
function refusedMethod(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): boolean {
  const method = req.method ?? "GET";
  // Pages and route handlers both take these: reads go on without matching their path against the build's routes.
  if (method === "GET" || method === "HEAD") return false;
  const isStaticPage = buildRoutes()?.isStaticPage(pathname) === true;
  if (method === "POST" && !isStaticPage) return false;
  if (!isStaticPage && isRouteHandlerPath(pathname)) {
    if (HANDLER_METHODS.has(method)) return false;
    refuse(res, new AppError("NOT_IMPLEMENTED", `This server does not take ${method} requests.`));
    return true;
  }
  const allow = isStaticPage ? STATIC_PAGE_ALLOW : PAGE_ALLOW;
  res.setHeader("allow", allow);
  if (method === "OPTIONS") {
    res.writeHead(204);
    res.end();
  } else {
    refuse(res, new AppError("METHOD_NOT_ALLOWED", `This page answers ${allow}, not ${method}.`));
  }
  return true;
}

/**
 * The path Next routes a target by: dot segments resolved and a fragment dropped (the WHATWG URL parser), then %-escapes decoded where
 * they decode. `/x/../subscribe`, `/%73ubscribe` and `/subscribe#x` are all /subscribe to Next, so they are to every check of a path.
 */
function routedPath(target: string): string {
  const { pathname } = new URL(`http://routed.invalid${target.startsWith("/") ? "" : "/"}${target}`);
  try {
    return decodeURIComponent(pathname);
  } catch (err) {
    if (err instanceof URIError) return pathname;
    throw err;
  }
}

/**
 * More query parameters than any page or API reads (a list takes seven, a preview six, plus a link's tracking tags), and far fewer
 * than cost Next time: it gathers a query's repeated keys in quadratic time, so 7,900 of one key in a 16 KB address held the one
 * thread for a second, on every route, `/api/health` included.
 */
const MAX_QUERY_PARAMETERS = 100;

function tooManyParameters(url: string): boolean {
  let count = 0;
  for (let at = url.indexOf("?"); at !== -1; at = url.indexOf("&", at + 1)) if (++count > MAX_QUERY_PARAMETERS) return true;
  return false;
}

/** Whether every escape in a path decodes (Next answers one that does not with an HTML 400, where a route handler's caller reads JSON). */
function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes the request's target a path, as every handler reads it: an absolute-form target (`GET http://host/path`, which HTTP/1.1
 * servers must accept) becomes its path and query, its authority ignored, so it never reaches a redirect's Location; anything else
 * that is not a path (`OPTIONS *`, an authority) is refused. False when refused.
 */
function originFormTarget(req: http.IncomingMessage): boolean {
  const target = req.url ?? "";
  if (target.startsWith("/")) return true;
  if (!/^https?:\/\//i.test(target) || !URL.canParse(target)) return false;
  const url = new URL(target);
  req.url = `${url.pathname}${url.search}`;
  return true;
}

const ROUTER_STATE_HEADER = "next-router-state-tree";
const IMAGE_OPTIMIZER_PATH = "/_next/image";

const PAGES_DATA_PREFIX = "/_next/data/";

/**
 * A Pages Router page's data route (`/_next/data/<build>/trending/<segment>.json`), as Next routes the path (`/x/../_next/data/…` too):
 * no page ships the client runtime that asks for one, and it answered any segment with that page's props and a 200 (a variant the page
 * answers with 400, a day outside the feed), each rendered into the cache. Only a path holding "data" or an escape can route there,
 * so other reads pay no second parse.
 */
function isPagesDataRoute(pathname: string, routed: string): boolean {
  if (routed.startsWith(PAGES_DATA_PREFIX)) return true;
  return (pathname.includes("data") || pathname.includes("%")) && routedPath(pathname).startsWith(PAGES_DATA_PREFIX);
}

/**
 * Next parses this header (the client router's state) for every App Router render and answered one it could not read with a 500 and
 * two stack traces logged, on any page and the not-found page: judged here by Next's own reading of it, so a bad one is a 400.
 */
function readableRouterState(value: string | string[] | undefined): boolean {
  if (value === undefined) return true;
  try {
    parseAndValidateFlightRouterState(value);
    return true;
  } catch (err) {
    if (err instanceof Error) return false;
    throw err;
  }
}

/**
 * Sends the fixed security headers and the CSP with a fresh nonce, on the request (Next puts it on every inline script an App Router
 * page or a 404 renders) and on the response, replacing any policy a client sent; refuses a target that is not a path (400), a method
 * nothing takes (405 or 501), an address that does not decode or holds over 100 query parameters (400) and a body declared past every
 * cap (413); sets the client address header from the socket (and trusted proxies), replacing whatever the client sent; then hands
 * over. Cached zero-JS pages hold only the site script, allowed by its hash under any nonce.
 */
export function withRequestContext(handle: THandler, opts: { trustedHops: number; scriptHash: string; https?: boolean }): http.RequestListener {
  const fixedHeaders = securityHeaders({ https: opts.https ?? false });
  return (req, res) => {
    for (const { key, value } of fixedHeaders) res.setHeader(key, value);
    // First, so the refusals below carry the policy too.
    const policy = contentSecurityPolicy({ scriptHash: opts.scriptHash, nonce: randomBytes(16).toString("base64") });
    req.headers["content-security-policy"] = policy;
    res.setHeader("Content-Security-Policy", policy);
    if (!originFormTarget(req)) {
      res.setHeader("connection", "close");
      return refuse(res, new AppError("INVALID_INPUT", "The request target must be a path."));
    }
    const pathname = (req.url ?? "/").split("?")[0]!;
    // Reads keep the path as sent: only a method or a body is judged by the path Next will route, so GETs pay no second parse.
    const routed = req.method === "GET" || req.method === "HEAD" ? pathname : routedPath(req.url ?? "/");
    if (refusedMethod(req, res, routed)) return;
    if (!readableRouterState(req.headers[ROUTER_STATE_HEADER])) {
      return refuse(res, new AppError("INVALID_INPUT", "The Next-Router-State-Tree header is not a router state this app's pages send."));
    }
    // The image optimizer fetches any path of the app (or an allowed host) and logs each failure; no page uses next/image.
    if (pathname === IMAGE_OPTIMIZER_PATH) return refuse(res, new AppError("NOT_FOUND", "There is nothing at this address."));
    if (isPagesDataRoute(pathname, routed)) return refuse(res, new AppError("NOT_FOUND", "There is nothing at this address."));
    const badAddress = !decodes(pathname)
      ? "The address holds a %-escape that does not decode."
      : tooManyParameters(req.url ?? "")
        ? `The address holds more than ${MAX_QUERY_PARAMETERS} query parameters.`
        : null;
    if (badAddress !== null) {
      // A page's Next answered with a bare "400 Bad Request" page that said nothing of why.
      const accept = isRouteHandlerPath(pathname) ? undefined : req.headers.accept;
      return refuse(res, new AppError("INVALID_INPUT", badAddress), accept);
    }
    // Next reads a posted body before the proxy's and the handlers' own caps can refuse it (and waits for all of a declared length
    // that never comes), so a body declared past the largest anything at its address takes is answered here at once. Node discards
    // what arrives of it after the answer, so a client that sends its whole body before reading (fetch does) still reads the 413
    // instead of a reset.
    const maxBytes = maxBodyBytesAt(routed, Boolean(req.headers.authorization) || adminCookieValue(req.headers.cookie) !== undefined);
    if (declaresMoreThan(req.headers["content-length"], maxBytes)) {
      return refuse(res, new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes.toLocaleString("en")} bytes.`));
    }
    // Next's own routing passes these between its parts, and trusts one that arrives with a request: with x-middleware-prefetch every
    // App Router page and route answered 200 "{}" (an admin page, a bad unsubscribe link), never running at all.
    for (const name of Object.keys(req.headers)) if (INTERNAL_HEADER.test(name)) delete req.headers[name];
    // The App Router's client asks a page for its payload with these; Next answered a route handler asked so with a 307 to `?_rsc=`,
    // a POST to /api/subscribe too. No handler serves a payload, so there they are dropped and the handler answers as for anybody.
    // Read as Next routes the path (`/x/../api/papers`, `/%61pi/papers`), as the router's headers are rare enough to parse it for.
    if (APP_ROUTER_CLIENT_HEADERS.some((name) => req.headers[name] !== undefined) && isRouteHandlerPath(routedPath(req.url ?? "/"))) {
      dropAppRouterClientHeaders(req);
    }
    if (opts.trustedHops === 0) {
      // With no proxy trusted, these are whatever a client wrote: Next built an action's redirect from them (fetching https:// from a
      // plain HTTP server, logged as an SSL error) and compared the action's Origin with the forged host.
      delete req.headers["x-forwarded-host"];
      delete req.headers["x-forwarded-proto"];
    }
    req.headers[CLIENT_ADDRESS_HEADER] = clientAddressOf({
      peer: req.socket.remoteAddress,
      forwardedFor: req.headers["x-forwarded-for"],
      trustedHops: opts.trustedHops,
    });
    applyPageStatus(res);
    finishHeaders(res);
    rewriteCachedView(req, res);
    forResponse(res, () => handle(req, res)).catch((err: unknown) => {
      logger.error({ err: describeError(err), url: req.url }, "the request handler failed");
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      res.end("Something went wrong on our side.");
    });
  };
}

/**
 * Next writes what a page's getStaticProps threw to the console as an error with its stack ("⨯ …", three times for one request), before
 * the error page reads it (src/pages/_error.tsx): a busy database there is load, logged once as a warning by knownError as the JSON API
 * logs it, so those lines are dropped. Every other console.error is written as it was.
 */
function quietBusyDatabaseErrors(): void {
  const write = console.error;
  console.error = (...args: unknown[]) => {
    if (!args.some(isBusyDatabase)) write.apply(console, args);
  };
}

/** Serves the production build in `dir`. Every request's client address and CSP nonce are set here, replacing any a client sent. */
export async function serveApp(opts: {
  dir: string;
  port: number;
  hostname?: string;
  trustedHops: number;
  scriptHash: string;
  https: boolean;
}): Promise<TAppServer> {
  renderPagesWithNodeBuild();
  quietBusyDatabaseErrors();
  const app = next({ dev: false, dir: opts.dir, port: opts.port, hostname: opts.hostname });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = http.createServer(withRequestContext(withCompression(withFairAdmission(handle)), opts));
  // Next adds an 'upgrade' listener to the server of its first request (its dev server's websocket), which in production answers nothing:
  // a request carrying `Upgrade: h2c` or a WebSocket handshake lost its connection. With none, Node serves it as the plain request it is.
  server.on("newListener", (event) => {
    if (event === "upgrade") queueMicrotask(() => server.removeAllListeners("upgrade"));
  });
  // Node drops a CONNECT's connection unanswered when nothing listens for it; this is no proxy, and says so as every refusal does.
  server.on("connect", (req: http.IncomingMessage, socket: Duplex) => {
    const res = new http.ServerResponse(req);
    res.shouldKeepAlive = false;
    res.assignSocket(socket as Socket);
    res.on("finish", () => {
      res.detachSocket(socket as Socket);
      socket.end();
    });
    refuse(res, new AppError("NOT_IMPLEMENTED", "This server does not take CONNECT requests: it is not a proxy."));
  });
  // Longer than a typical proxy's idle timeout, so a reverse proxy never reuses a connection we are closing.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.hostname, resolve);
  });
  const acceptors = acceptOnMoreHandles(server);
  return {
    close: async () => {
      const closed = Promise.all([new Promise<void>((resolve) => server.close(() => resolve())), acceptors.close()]);
      // A client's idle keep-alive connection held close() for the whole keepAliveTimeout: every stop took 65 s once a browser or a
      // test had asked for a page. Idle ones are closed as they become idle; a request still running gets a few seconds to finish.
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      const deadline = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      server.closeIdleConnections();
      await closed;
      clearInterval(idle);
      clearTimeout(deadline);
      await app.close();
    },
  };
}
