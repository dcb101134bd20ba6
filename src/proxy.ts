// The edge gate for /admin and /api/admin: anonymous requests never reach a page or handler (which check again themselves).
import { NextResponse, type NextRequest } from "next/server";
import { adminFromRequest } from "@/server/auth/admin-session";
import { hasBearer } from "@/server/auth/bearer";
import { getConfig } from "@/server/config";

const PUBLIC_PATHS = new Set(["/admin/login"]);

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (PUBLIC_PATHS.has(pathname)) return NextResponse.next();
  const config = getConfig();
  const admin = adminFromRequest({ headers: request.headers, adminToken: config.ADMIN_TOKEN, secret: config.APP_SECRET, now: new Date(), bearerOk: hasBearer });
  if (admin) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "UNAUTHORIZED", message: "Sign in at /admin/login or send Authorization: Bearer <ADMIN_TOKEN>." } },
      { status: 401 },
    );
  }
  const login = new URL("/admin/login", request.url);
  return NextResponse.redirect(login, 303);
}

export const config = { matcher: ["/admin", "/admin/:path*", "/api/admin", "/api/admin/:path*"] };
