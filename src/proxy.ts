// Request-time routing: form and server-action posts checked before Next reads them, the admin gate for /admin and /api/admin, the
// reader cookie from a digest link's `r`, a per-request CSP nonce for App Router pages, and cached variants: filtered lists of "/" and
// of the period pages, and /subscribe's preview for a set of interests, get paths of their own.
// The feed's pages ("/", /trending/…, /papers/…) and /subscribe are cached zero-JS Pages Router pages holding only the hashed site
// script, so they hold under any nonce; the nonce is for what renders per request, a Pages 404 included (Next renders it with the
// App Router's not-found page, whose inline scripts need the nonce).
import { NextResponse, type NextRequest } from "next/server";
import { SITE_SCRIPT_HASH } from "@/components/site-script";
import { feedViewSegment, parseFeedFilters, serializeFeedFilters } from "@/core/search";
import { authenticateAdmin, credentialsFromHeaders } from "@/server/auth/admin-session";
import { getConfig } from "@/server/config";
import { getDb } from "@/server/db";
import { refuseActionPost } from "@/server/http/form-post-guard";
import { contentSecurityPolicy } from "@/server/http/security-headers";
import { readerCookiesFromLink } from "@/server/reader/reader-cookie";
import { canonicalPreviewQuery, PREVIEW_KEYS } from "@/server/subscriptions/subscription-input";

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

/** A page whose variants are chosen by query keys: `canonical` writes their values one way (null: they do not parse). */
type TCachedView = { page: RegExp; keys: readonly string[]; canonical: (params: URLSearchParams) => string | null; target: (pathname: string) => string };

const CACHED_VIEWS: readonly TCachedView[] = [
  {
    page: /^\/(?:papers\/(?:date|week|month)\/[^/]+)?$/,
    keys: ["cat", "code", "min", "sort", "cursor"],
    canonical: (params) => {
      const parsed = parseFeedFilters(Object.fromEntries(params));
      return parsed.ok ? serializeFeedFilters({ ...parsed.value, q: undefined }) : null;
    },
    target: (pathname) => (pathname === "/" ? "/trending" : pathname),
  },
  { page: /^\/subscribe$/, keys: PREVIEW_KEYS, canonical: canonicalPreviewQuery, target: () => "/subscribe/preview" },
];

/**
 * "/?sort=new&code=1", "/papers/date/…?code=1" and "/subscribe?keywords=…" become paths that carry their variant in one segment
 * (/trending/<segment>, /papers/date/…/<segment>, /subscribe/preview/<segment>), which Next caches like any page; the query string
 * never reaches a cached page. Valid values are written canonically, so one variant has one cache entry; invalid ones pass through
 * for the page to explain. Null: not a variant.
 */
function cachedView(request: NextRequest): URL | null {
  const { pathname, searchParams } = request.nextUrl;
  const view = CACHED_VIEWS.find((v) => v.page.test(pathname));
  if (!view) return null;
  const params = new URLSearchParams(view.keys.flatMap((key) => (searchParams.has(key) ? [[key, searchParams.get(key) ?? ""]] : [])));
  const query = view.canonical(params) ?? params.toString();
  if (query === "") return null;
  const url = request.nextUrl.clone();
  url.pathname = `${view.target(pathname)}/${feedViewSegment(query)}`;
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
  return pageWithNonce(request, cachedView(request));
}

// Next reads the matcher statically. A plain GET of a cached page ("/", "/subscribe") never runs the proxy: it is served from the
// cache with next.config.ts's hash-only policy. Their variants' query keys (list filters, the preview's interests), the reader token
// (r) and a posted body (Content-Type or Next-Action) are spelled out, so those requests still do. Every other page runs it, the
// paper and period pages included: an unknown paper or period is a Pages 404, which Next renders per request with the App Router's
// not-found page (never src/pages/404.tsx while src/app exists), and its inline scripts need the nonce. Files
// (/_next/, feeds, robots.txt, sitemap.xml, the favicon, /thumbnails/) and API routes outside /api/admin do not.
export const config = {
  matcher: [
    "/api/admin",
    "/api/admin/:path*",
    "/((?!_next/|api/|thumbnails/|subscribe$)(?!.*\\.(?:xml|json|txt|svg|ico)$).+)",
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
  ],
};
