// Signed links carried by every mail: the manage page and RFC 8058 one-click unsubscribe. Shared by confirmations and digests.
import { signPayload, verifySigned } from "../auth/secrets";

/** Manage links stay valid for a year; every digest carries a fresh one. */
const MANAGE_TTL_MS = 365 * 24 * 60 * 60 * 1000;

type TLinkPayload = { sid: number; exp: number };
export type TLinkPurpose = "manage" | "unsubscribe";

export function signSubscriberToken(opts: { secret: string; purpose: TLinkPurpose; subscriberId: number; now: Date }): string {
  return signPayload(opts.secret, opts.purpose, { sid: opts.subscriberId, exp: opts.now.getTime() + MANAGE_TTL_MS });
}

export type TTokenCheck = { ok: true; subscriberId: number } | { ok: false; reason: "invalid" | "expired" };

export function verifySubscriberToken(opts: { secret: string; purpose: TLinkPurpose; token: string; now: Date }): TTokenCheck {
  const payload = verifySigned<TLinkPayload>(opts.secret, opts.purpose, opts.token);
  if (!payload || !Number.isInteger(payload.sid) || typeof payload.exp !== "number") return { ok: false, reason: "invalid" };
  if (payload.exp <= opts.now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, subscriberId: payload.sid };
}

export function subscriberLinks(opts: { appUrl: string; secret: string; subscriberId: number; now: Date }) {
  const manage = signSubscriberToken({ ...opts, purpose: "manage" });
  const unsubscribe = signSubscriberToken({ ...opts, purpose: "unsubscribe" });
  return {
    manageUrl: `${opts.appUrl}/subscription/${manage}`,
    unsubscribeUrl: `${opts.appUrl}/api/unsubscribe?token=${encodeURIComponent(unsubscribe)}`,
    /** RFC 8058 headers: mail clients POST `List-Unsubscribe=One-Click` to the URL. */
    headers: {
      "List-Unsubscribe": `<${opts.appUrl}/api/unsubscribe?token=${encodeURIComponent(unsubscribe)}>, <${opts.appUrl}/subscription/${manage}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
