// The admin session cookie's name and how a Cookie header carries it, alone, so the app's server can tell a caller who brings one
// without loading the session code.
export const ADMIN_COOKIE = "pd_admin";

/** The session cookie's raw value in a Cookie header: ours is base64url and a dot, which no encoding changes, so anything else simply fails its signature. */
export function adminCookieValue(cookieHeader: string | null | undefined): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === ADMIN_COOKIE) return v.join("=");
  }
  return undefined;
}
