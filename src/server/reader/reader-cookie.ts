// The reader cookie: a signed, httpOnly token that lets the site recognise a subscriber who came from their digest (or pressed a
// feedback button), so cached pages can show them their own buttons. It carries the subscriber's readerGeneration: bumping that
// counter revokes every copy at once. A second, readable cookie only tells the site script that asking /api/reader is worth it.
import { verifySubscriberToken, signSubscriberToken } from "../subscriptions/subscription-links";

export const READER_COOKIE = "pd_reader";
/** Not a credential: "1" when this browser holds a reader cookie, so anonymous visitors' pages make no request at all (the site
 * script, src/components/site-script.ts, reads it by this name). */
const READER_HINT_COOKIE = "pd_reader_seen";
const READER_COOKIE_TTL_MS = 180 * 24 * 60 * 60 * 1000;

export type TReaderCookie = {
  name: string;
  value: string;
  options: { httpOnly: boolean; sameSite: "lax"; secure: boolean; path: "/"; maxAge: number };
};

function cookie(appUrl: string, name: string, value: string, maxAgeMs: number, httpOnly: boolean): TReaderCookie {
  return { name, value, options: { httpOnly, sameSite: "lax", secure: appUrl.startsWith("https:"), path: "/", maxAge: Math.floor(maxAgeMs / 1000) } };
}

/** The cookies that recognise this subscriber in this browser, valid while their readerGeneration stays `generation`. */
export function readerCookies(opts: { secret: string; appUrl: string; subscriberId: number; generation: number; now: Date }): TReaderCookie[] {
  const token = signSubscriberToken({ ...opts, purpose: "reader", ttlMs: READER_COOKIE_TTL_MS });
  return [cookie(opts.appUrl, READER_COOKIE, token, READER_COOKIE_TTL_MS, true), cookie(opts.appUrl, READER_HINT_COOKIE, "1", READER_COOKIE_TTL_MS, false)];
}

export function clearedReaderCookies(appUrl: string): TReaderCookie[] {
  return [cookie(appUrl, READER_COOKIE, "", 0, true), cookie(appUrl, READER_HINT_COOKIE, "", 0, false)];
}

/**
 * The cookies for a digest link's reader token `r`, checked without the database (the proxy runs on every page): a forged or expired
 * token gets none. A token of a revoked generation gets a cookie that /api/reader then refuses and clears.
 */
export function readerCookiesFromLink(opts: { secret: string; appUrl: string; token: string; now: Date }): TReaderCookie[] | null {
  const check = verifySubscriberToken({ secret: opts.secret, purpose: "reader", token: opts.token, now: opts.now });
  if (!check.ok) return null;
  return readerCookies({ ...opts, subscriberId: check.subscriberId, generation: check.generation });
}

/** `Set-Cookie` header values, for responses built without Next's cookie helpers. */
export function serializeCookie(c: TReaderCookie): string {
  const o = c.options;
  return `${c.name}=${c.value}; Path=${o.path}; Max-Age=${o.maxAge}; SameSite=Lax${o.httpOnly ? "; HttpOnly" : ""}${o.secure ? "; Secure" : ""}`;
}

/** One cookie's value from a Cookie header. */
export function cookieFromHeader(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
