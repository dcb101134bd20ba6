// Request-time routing: the admin gate for /admin and /api/admin, and keeping "/" a static page by sending filtered front-page requests to /trending.
import { NextResponse, type NextRequest } from "next/server";
import { authenticateAdmin, credentialsFromHeaders } from "@/server/auth/admin-session";
import { getConfig } from "@/server/config";
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
  const url = request.nextUrl.clone();
  url.pathname = "/trending";
  return NextResponse.rewrite(url);
}

// Next reads the matcher statically. Front-page list parameters (q, cat, code, min, sort, cursor) are spelled out,
// so a plain "/" never runs the proxy and stays a cached page.
export const config = {
  matcher: [
    "/admin",
    "/admin/:path*",
    "/api/admin",
    "/api/admin/:path*",
    { source: "/", has: [{ type: "query", key: "q" }] },
    { source: "/", has: [{ type: "query", key: "cat" }] },
    { source: "/", has: [{ type: "query", key: "code" }] },
    { source: "/", has: [{ type: "query", key: "min" }] },
    { source: "/", has: [{ type: "query", key: "sort" }] },
    { source: "/", has: [{ type: "query", key: "cursor" }] },
  ],
};
