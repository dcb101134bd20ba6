// Request-time routing: form and server-action posts checked before Next reads them, the admin gate for /admin and /api/admin, the
// reader cookie from a digest link's `r`, and cached variants' paths (src/server/http/cached-views.ts) for what the app's server did
// not already rewrite: posts, reader links and `next dev`. The CSP nonce is not set here but by the app's server (src/server/http/serve-app.ts)
// on every response, so the feed's cached pages, and their 404, need no proxy at all.
import { NextResponse, type NextRequest } from "next/server";
import { authenticateAdmin, credentialsFromHeaders } from "@/server/auth/admin-session";
import { getConfig } from "@/server/config";
import { getDb } from "@/server/db";
import { ERROR_STATUS } from "@/server/errors/app-error";
import { knownError } from "@/server/errors/known-error";
import { isConsolePath } from "@/server/http/body-limits";
import { cachedView } from "@/server/http/cached-views";
import { checkActionPost, refuseUnknownAction } from "@/server/http/form-post-guard";
import { PAGE_STATUS_HEADER } from "@/server/http/page-status";
import { errorResponse, forReader } from "@/server/http/respond";
import { readerCookiesFromLink } from "@/server/reader/reader-cookie";

/**
 * The response for an anonymous request to the admin area, or null to let a signed-in one through. A session check the database was
 * too busy for is answered as a route handler answers it (errorResponse's JSON 503), and to a browser at a page as forReader says it:
 * thrown, it became Next's error page, HTML even under /api/.
 */
async function adminGate(request: NextRequest): Promise<Response | null> {
  let admin;
  try {
    admin = await authenticateAdmin({ db: getDb(), config: getConfig(), credentials: credentialsFromHeaders(request.headers), now: new Date() });
  } catch (err) {
    const known = knownError(err);
    if (!known) throw err;
    const answer = errorResponse(known);
    return request.nextUrl.pathname.startsWith("/api/") ? answer : forReader(request.headers.get("accept"), answer);
  }
  if (admin) return null;
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "UNAUTHORIZED", message: "Sign in at /admin/login or send Authorization: Bearer <ADMIN_TOKEN>." } },
      { status: 401 },
    );
  }
  return NextResponse.redirect(new URL("/admin/login", request.url), 303);
}

/**
 * A digest link's reader token `r` becomes the signed reader cookie, and the browser is sent to the same URL without it: the page it
 * lands on stays the one cached page everybody gets, and the token leaves the address bar and history. A bad token sets nothing.
 */
function readerArrival(request: NextRequest): NextResponse | null {
  const token = request.nextUrl.searchParams.get("r");
  if (token === null || request.method !== "GET") return null;
  const url = request.nextUrl.clone();
  url.searchParams.delete("r");
  const response = NextResponse.redirect(url, 303);
  response.headers.set("cache-control", "no-store");
  const { APP_SECRET, APP_URL } = getConfig();
  for (const c of readerCookiesFromLink({ secret: APP_SECRET, appUrl: APP_URL, token, now: new Date() }) ?? [])
    response.cookies.set(c.name, c.value, c.options);
  return response;
}

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  const admin = isConsolePath(pathname);
  const post = await checkActionPost(request, { pathname, adminArea: admin });
  if (post?.refused) return post.refused;
  if (admin) {
    const gate = await adminGate(request);
    if (gate) return gate;
  }
  // After the gate: an anonymous caller learns nothing of the admin console's actions.
  const unknown = post && refuseUnknownAction(request, post.form, pathname);
  if (unknown) return unknown;
  if (pathname.startsWith("/api/")) return NextResponse.next();
  const arrival = readerArrival(request);
  if (arrival) return arrival;
  // The app's server rewrites a GET of a variant before Next sees it; a post, a reader link and `next dev` (no such server) come here.
  const view = cachedView(pathname, request.nextUrl.searchParams);
  if (!view) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = view.pathname;
  url.search = "";
  // The page explains what does not parse; the app's server answers it with 400 (src/server/http/page-status.ts).
  return NextResponse.rewrite(url, view.valid ? undefined : { headers: { [PAGE_STATUS_HEADER]: String(ERROR_STATUS.INVALID_INPUT) } });
}

// Next reads the matcher statically. A plain GET of a cached page ("/", "/subscribe" and "/subscribe/deleted", a paper, day, week or month page, a variant's
// /trending/…, /search/results/… or /subscribe/preview/… path) never runs the proxy: it is served from the cache. The app's server
// hands Next a variant's GET already rewritten to that path; its query keys (list filters, the preview's interests) are still spelled
// out for `next dev`, and the reader token (r) and a posted body (Content-Type or Next-Action) for every server. Every
// other page runs it (App Router pages may take server actions, checked here first). Files (/_next/, feeds, robots.txt,
// sitemap.xml, the favicon, /thumbnails/) and API routes outside /api/admin do not.
export const config = {
  matcher: [
    "/api/admin",
    "/api/admin/:path*",
    "/((?!_next/|api/|thumbnails/|subscribe$|subscribe/deleted$|papers/|trending/|search/results/|subscribe/preview/)(?!.*\\.(?:xml|json|txt|svg|ico)$).+)",
    { source: "/papers/:path*", has: [{ type: "query", key: "cat" }] },
    { source: "/papers/:path*", has: [{ type: "query", key: "code" }] },
    { source: "/papers/:path*", has: [{ type: "query", key: "min" }] },
    { source: "/papers/:path*", has: [{ type: "query", key: "sort" }] },
    { source: "/papers/:path*", has: [{ type: "query", key: "cursor" }] },
    { source: "/papers/:path*", has: [{ type: "query", key: "r" }] },
    { source: "/papers/:path*", has: [{ type: "header", key: "content-type" }] },
    { source: "/papers/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/trending/:path*", has: [{ type: "query", key: "r" }] },
    { source: "/trending/:path*", has: [{ type: "header", key: "content-type" }] },
    { source: "/trending/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/search/results/:path*", has: [{ type: "query", key: "r" }] },
    { source: "/search/results/:path*", has: [{ type: "header", key: "content-type" }] },
    { source: "/search/results/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/subscribe/preview/:path*", has: [{ type: "query", key: "r" }] },
    { source: "/subscribe/preview/:path*", has: [{ type: "header", key: "content-type" }] },
    { source: "/subscribe/preview/:path*", has: [{ type: "header", key: "next-action" }] },
    { source: "/", has: [{ type: "query", key: "cat" }] },
    { source: "/", has: [{ type: "query", key: "code" }] },
    { source: "/", has: [{ type: "query", key: "min" }] },
    { source: "/", has: [{ type: "query", key: "sort" }] },
    { source: "/", has: [{ type: "query", key: "cursor" }] },
    { source: "/", has: [{ type: "query", key: "r" }] },
    { source: "/", has: [{ type: "header", key: "content-type" }] },
    { source: "/", has: [{ type: "header", key: "next-action" }] },
    { source: "/subscribe", has: [{ type: "query", key: "keywords" }] },
    { source: "/subscribe", has: [{ type: "query", key: "never" }] },
    { source: "/subscribe", has: [{ type: "query", key: "cat" }] },
    { source: "/subscribe", has: [{ type: "query", key: "code" }] },
    { source: "/subscribe", has: [{ type: "query", key: "min" }] },
    { source: "/subscribe", has: [{ type: "query", key: "r" }] },
    { source: "/subscribe", has: [{ type: "header", key: "content-type" }] },
    { source: "/subscribe", has: [{ type: "header", key: "next-action" }] },
    { source: "/subscribe/deleted", has: [{ type: "query", key: "r" }] },
    { source: "/subscribe/deleted", has: [{ type: "header", key: "content-type" }] },
    { source: "/subscribe/deleted", has: [{ type: "header", key: "next-action" }] },
  ],
};
