// Request-time routing: the admin gate for /admin and /api/admin, and cached list pages: filtered variants of "/" and the period pages
// are rewritten to paths of their own.
import { NextResponse, type NextRequest } from "next/server";
import { authenticateAdmin, credentialsFromHeaders } from "@/server/auth/admin-session";
import { getConfig } from "@/server/config";
import { feedViewSegment, parseFeedFilters, serializeFeedFilters } from "@/core/search";
import { getDb } from "@/server/db";

const PUBLIC_ADMIN_PATHS = new Set(["/admin/login"]);

async function adminGate(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  if (PUBLIC_ADMIN_PATHS.has(pathname)) return NextResponse.next();
  const admin = await authenticateAdmin({ db: getDb(), config: getConfig(), credentials: credentialsFromHeaders(request.headers), now: new Date() });
  if (admin) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "UNAUTHORIZED", message: "Sign in at /admin/login or send Authorization: Bearer <ADMIN_TOKEN>." } },
      { status: 401 },
    );
  }
  return NextResponse.redirect(new URL("/admin/login", request.url), 303);
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  if (pathname === "/admin" || pathname.startsWith("/admin/") || pathname === "/api/admin" || pathname.startsWith("/api/admin/")) {
    return adminGate(request);
  }
  return rewriteListView(request);
}

const LIST_KEYS = ["cat", "code", "min", "sort", "cursor"] as const;

/**
 * "/?sort=new&code=1" and "/papers/date/…?code=1" become paths that carry the filters in one segment (/trending/<segment>,
 * /papers/date/…/<segment>), which Next caches like any page; the query string never reaches a cached page. Valid filters are
 * written canonically, so one list has one cache entry; invalid ones pass through for the page to explain.
 */
function rewriteListView(request: NextRequest): NextResponse {
  const { pathname, searchParams } = request.nextUrl;
  const raw = Object.fromEntries(LIST_KEYS.flatMap((key) => (searchParams.has(key) ? [[key, searchParams.get(key) ?? ""]] : [])));
  const parsed = parseFeedFilters(raw);
  const view = parsed.ok ? serializeFeedFilters({ ...parsed.value, q: undefined }) : new URLSearchParams(raw).toString();
  if (view === "") return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `${pathname === "/" ? "/trending" : pathname}/${feedViewSegment(view)}`;
  url.search = "";
  return NextResponse.rewrite(url);
}

// Next reads the matcher statically. The list parameters (cat, code, min, sort, cursor) are spelled out for the front page and
// the period pages, so a plain "/" or "/papers/date/…" never runs the proxy.
export const config = {
  matcher: [
    "/admin",
    "/admin/:path*",
    "/api/admin",
    "/api/admin/:path*",
    { source: "/", has: [{ type: "query", key: "cat" }] },
    { source: "/", has: [{ type: "query", key: "code" }] },
    { source: "/", has: [{ type: "query", key: "min" }] },
    { source: "/", has: [{ type: "query", key: "sort" }] },
    { source: "/", has: [{ type: "query", key: "cursor" }] },
    { source: "/papers/:kind(date|week|month)/:value", has: [{ type: "query", key: "cat" }] },
    { source: "/papers/:kind(date|week|month)/:value", has: [{ type: "query", key: "code" }] },
    { source: "/papers/:kind(date|week|month)/:value", has: [{ type: "query", key: "min" }] },
    { source: "/papers/:kind(date|week|month)/:value", has: [{ type: "query", key: "sort" }] },
    { source: "/papers/:kind(date|week|month)/:value", has: [{ type: "query", key: "cursor" }] },
  ],
};
