// Request-time routing: server-action posts checked before Next reads them, the admin gate for /admin and /api/admin, a per-request
// CSP nonce for App Router pages, and keeping "/" a static page by sending filtered front-page requests to /trending.
import { NextResponse, type NextRequest } from "next/server";
import { SITE_SCRIPT_HASH } from "@/components/site-script";
import { adminFromRequest } from "@/server/auth/admin-session";
import { hasBearer } from "@/server/auth/bearer";
import { getConfig } from "@/server/config";
import { refuseActionPost } from "@/server/http/form-post-guard";
import { contentSecurityPolicy } from "@/server/http/security-headers";

const PUBLIC_ADMIN_PATHS = new Set(["/admin/login"]);

const isAdminPath = (pathname: string) =>
  pathname === "/admin" || pathname.startsWith("/admin/") || pathname === "/api/admin" || pathname.startsWith("/api/admin/");

/** The response for an anonymous request to the admin area, or null to let a signed-in one through. */
function adminGate(request: NextRequest): NextResponse | null {
  const config = getConfig();
  const admin = adminFromRequest({ headers: request.headers, adminToken: config.ADMIN_TOKEN, secret: config.APP_SECRET, now: new Date(), bearerOk: hasBearer });
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
 * An App Router page with a fresh nonce in its CSP: Next reads the nonce from the request's policy and puts it on every inline script it
 * renders, and the browser gets the same policy. Every App Router page renders per request already, so the nonce costs no caching.
 */
function pageWithNonce(request: NextRequest, rewriteTo: URL | null): NextResponse {
  const policy = contentSecurityPolicy({ scriptHash: SITE_SCRIPT_HASH, nonce: btoa(crypto.randomUUID()) });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = rewriteTo ? NextResponse.rewrite(rewriteTo, { request: { headers } }) : NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const admin = isAdminPath(pathname) && !PUBLIC_ADMIN_PATHS.has(pathname);
  const refused = refuseActionPost(request, { pathname, adminArea: admin });
  if (refused) return refused;
  if (admin) {
    const gate = adminGate(request);
    if (gate) return gate;
  }
  if (pathname.startsWith("/api/")) return NextResponse.next();
  if (pathname !== "/") return pageWithNonce(request, null);
  const trending = request.nextUrl.clone();
  trending.pathname = "/trending";
  return pageWithNonce(request, trending);
}

// Next reads the matcher statically. Front-page list parameters (q, cat, code, min, sort, cursor) are spelled out, so a plain "/" never
// runs the proxy and stays a cached page (with next.config.ts's hash-only policy). Every other page runs it for its nonce; files
// (/_next/, feeds, robots.txt, sitemap.xml, the favicon) and API routes outside /api/admin do not.
export const config = {
  matcher: [
    "/api/admin",
    "/api/admin/:path*",
    "/((?!_next/|api/)(?!.*\\.(?:xml|json|txt|svg|ico)$).+)",
    { source: "/", has: [{ type: "query", key: "q" }] },
    { source: "/", has: [{ type: "query", key: "cat" }] },
    { source: "/", has: [{ type: "query", key: "code" }] },
    { source: "/", has: [{ type: "query", key: "min" }] },
    { source: "/", has: [{ type: "query", key: "sort" }] },
    { source: "/", has: [{ type: "query", key: "cursor" }] },
  ],
};
