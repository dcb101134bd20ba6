// Request-time routing: server-action posts checked before Next reads them, the admin gate for /admin and /api/admin, the reader
// cookie from a digest link's `r`, a per-request CSP nonce for App Router pages, and cached list pages: filtered variants of "/" and of the period pages,
// and search queries, get paths of their own.
// The feed's pages ("/", /trending/…, /papers/…, /search…) are cached zero-JS Pages Router pages holding only the hashed site script, so they
// hold under any nonce; the nonce is for what renders per request, their 404 (the App Router's not-found page) included.
import { NextResponse, type NextRequest } from "next/server";
import { SITE_SCRIPT_HASH } from "@/components/site-script";
import { feedViewSegment, parseFeedFilters, serializeFeedFilters } from "@/core/search";
import { authenticateAdmin, credentialsFromHeaders } from "@/server/auth/admin-session";
import { getConfig } from "@/server/config";
import { getDb } from "@/server/db";
import { refuseActionPost } from "@/server/http/form-post-guard";
import { contentSecurityPolicy } from "@/server/http/security-headers";
import { readerCookiesFromLink } from "@/server/reader/reader-cookie";

const PUBLIC_ADMIN_PATHS = new Set(["/admin/login"]);

const isAdminPath = (pathname: string) =>
  pathname === "/admin" || pathname.startsWith("/admin/") || pathname === "/api/admin" || pathname.startsWith("/api/admin/");

/** The response for an anonymous request to the admin area, or null to let a signed-in one through. */
async function adminGate(request: NextRequest): Promise<NextResponse | null> {
  const admin = await authenticateAdmin({ db: getDb(), config: getConfig(), credentials: credentialsFromHeaders(request.headers), now: new Date() });
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

const LIST_KEYS = ["cat", "code", "min", "sort", "cursor"] as const;
const LIST_PAGES = /^\/(?:papers\/(?:date|week|month)\/[^/]+)?$/;

/**
 * "/?sort=new&code=1" and "/papers/date/…?code=1" become paths that carry the filters in one segment (/trending/<segment>,
 * /papers/date/…/<segment>), which Next caches like any page; the query string never reaches a cached page. Valid filters are
 * written canonically, so one list has one cache entry; invalid ones pass through for the page to explain. Null: not a list.
 */
function listView(request: NextRequest): URL | null {
  const { pathname, searchParams } = request.nextUrl;
  if (!LIST_PAGES.test(pathname)) return null;
  const raw = Object.fromEntries(LIST_KEYS.flatMap((key) => (searchParams.has(key) ? [[key, searchParams.get(key) ?? ""]] : [])));
  const parsed = parseFeedFilters(raw);
  const view = parsed.ok ? serializeFeedFilters({ ...parsed.value, q: undefined }) : new URLSearchParams(raw).toString();
  if (view === "") return null;
  const url = request.nextUrl.clone();
  url.pathname = `${pathname === "/" ? "/trending" : pathname}/${feedViewSegment(view)}`;
  url.search = "";
  return url;
}

/**
 * "/search?q=…&sort=new" becomes /search/results/<canonical filters>, a cached zero-JS page like the lists above, so a query is rendered
 * once until the feed changes. Invalid filters pass through for the page to explain. Null: not a search, or a plain "/search".
 */
function searchView(request: NextRequest): URL | null {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname !== "/search") return null;
  const raw = Object.fromEntries(["q", ...LIST_KEYS].flatMap((key) => (searchParams.has(key) ? [[key, searchParams.get(key) ?? ""]] : [])));
  const parsed = parseFeedFilters(raw);
  const view = parsed.ok ? serializeFeedFilters(parsed.value) : new URLSearchParams(raw).toString();
  if (view === "") return null;
  const url = request.nextUrl.clone();
  url.pathname = `/search/results/${feedViewSegment(view)}`;
  url.search = "";
  return url;
}

/**
 * An App Router page with a fresh nonce in its CSP: Next reads the nonce from the request's policy and puts it on every inline script it
 * renders, and the browser gets the same policy.
 */
function pageWithNonce(request: NextRequest, rewriteTo: URL | null): NextResponse {
  const policy = contentSecurityPolicy({ scriptHash: SITE_SCRIPT_HASH, nonce: btoa(crypto.randomUUID()) });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = rewriteTo ? NextResponse.rewrite(rewriteTo, { request: { headers } }) : NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl;
  const admin = isAdminPath(pathname) && !PUBLIC_ADMIN_PATHS.has(pathname);
  const refused = refuseActionPost(request, { pathname, adminArea: admin });
  if (refused) return refused;
  if (admin) {
    const gate = await adminGate(request);
    if (gate) return gate;
  }
  if (pathname.startsWith("/api/")) return NextResponse.next();
  const arrival = readerArrival(request);
  if (arrival) return arrival;
  return pageWithNonce(request, listView(request) ?? searchView(request));
}

// Next reads the matcher statically. Front-page list parameters (cat, code, min, sort, cursor) and the reader token (r) are spelled out, so a plain "/" never
// runs the proxy and stays a cached page (with next.config.ts's hash-only policy). Every other page runs it; files (/_next/, feeds,
// robots.txt, sitemap.xml, the favicon, /thumbnails/) and API routes outside /api/admin do not.
export const config = {
  matcher: [
    "/api/admin",
    "/api/admin/:path*",
    "/((?!_next/|api/|thumbnails/)(?!.*\\.(?:xml|json|txt|svg|ico)$).+)",
    { source: "/", has: [{ type: "query", key: "cat" }] },
    { source: "/", has: [{ type: "query", key: "code" }] },
    { source: "/", has: [{ type: "query", key: "min" }] },
    { source: "/", has: [{ type: "query", key: "sort" }] },
    { source: "/", has: [{ type: "query", key: "cursor" }] },
    { source: "/", has: [{ type: "query", key: "r" }] },
  ],
};
