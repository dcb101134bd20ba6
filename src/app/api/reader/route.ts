// GET /api/reader?papers=1,2,3: the recognised reader's presses and follows, which the site script turns into buttons on cached pages.
import { handleRoute, otherMethods } from "@/server/http/respond";
import { clearedReaderCookies, cookieFromHeader, READER_COOKIE, serializeCookie } from "@/server/reader/reader-cookie";
import { loadReaderState } from "@/server/reader/reader-service";
import { getConfig } from "@/server/config";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request) => {
  const reader = await loadReaderState(request);
  const response = Response.json({ reader }, { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } });
  // A cookie that no longer recognises anyone (revoked, expired, forged) is cleared, so the script stops asking.
  if (!reader && cookieFromHeader(request.headers.get("cookie"), READER_COOKIE) !== undefined)
    for (const c of clearedReaderCookies(getConfig().APP_URL)) response.headers.append("Set-Cookie", serializeCookie(c));
  return response;
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
