// How big a request body may be: route handlers check these through readBody before reading, next.config.ts gives Next the paste
// size for server actions, and the proxy holds public form posts to the small cap. No imports, so next.config.ts can import them.

/** A pasted or uploaded listing: a copied page is a few hundred KB; 5 million characters leaves room for a month's listing. */
export const MAX_PASTE_CHARS = 5_000_000;

/**
 * The bytes a paste of MAX_PASTE_CHARS may take on the wire: a UTF-16 character is at most 3 bytes of UTF-8 (an astral character is
 * 4 bytes for 2 characters), and a JSON body's escapes of line breaks and quotes take 2. 64 KiB more covers the rest of the form or JSON.
 */
export const MAX_PASTE_BYTES = 3 * MAX_PASTE_CHARS + 64 * 1024;

/**
 * Anything the public sends: a subscription (an address, 20 keywords of 60 characters and 20 categories, even with every character
 * written as a 6-byte JSON escape), a manage form, a confirm or sign-in form, a one-click unsubscribe.
 */
export const MAX_PUBLIC_BODY_BYTES = 16 * 1024;

/** The admin console and its API, where an admin's paste may be sent; everything else is public, /admin/login included by the proxy. */
const isAdminPath = (pathname: string): boolean =>
  pathname === "/admin" || pathname.startsWith("/admin/") || pathname === "/api/admin" || pathname.startsWith("/api/admin/");

/** Admin-area addresses the public reaches: the sign-in page, held to the public cap like every public form. */
const PUBLIC_ADMIN_PATHS: ReadonlySet<string> = new Set(["/admin/login"]);

/** The admin console proper: the admin area but its public pages; only a signed-in admin is let in, and may paste. */
export const isConsolePath = (pathname: string): boolean => isAdminPath(pathname) && !PUBLIC_ADMIN_PATHS.has(pathname);

/**
 * The largest body anything at `pathname` takes from a caller: an admin's paste in the admin console, for a caller that brings
 * credentials (checked afterwards, by the admin gate); the public cap everywhere else, so nobody anonymous makes Next buffer 15 MB.
 */
export const maxBodyBytesAt = (pathname: string, bringsCredentials: boolean): number =>
  bringsCredentials && isConsolePath(pathname) ? MAX_PASTE_BYTES : MAX_PUBLIC_BODY_BYTES;
