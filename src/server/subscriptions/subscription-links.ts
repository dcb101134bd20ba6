// Signed links carried by every mail: the manage page, RFC 8058 one-click unsubscribe, per-paper feedback, and the reader
// links that let the site recognise a reader who came from their digest. Shared by confirmations and digests.
import { ZRowId } from "@/core/row-id";
import { signPayload, verifySigned } from "../auth/secrets";

/** Manage links stay valid for a year; every digest carries a fresh one. */
const MANAGE_TTL_MS = 365 * 24 * 60 * 60 * 1000;

/** `gen` ties a token to a generation counter on the subscriber (readerGeneration, feedGeneration): bumping it revokes the token. */
type TLinkPayload = { sid: number; exp: number; gen?: number };
export type TLinkPurpose = "manage" | "unsubscribe" | "feedback" | "reader" | "feed";
export type TFeedbackKind = "more" | "less";

export function signSubscriberToken(opts: {
  secret: string;
  purpose: TLinkPurpose;
  subscriberId: number;
  now: Date;
  generation?: number;
  ttlMs?: number;
}): string {
  const payload: TLinkPayload = { sid: opts.subscriberId, exp: opts.now.getTime() + (opts.ttlMs ?? MANAGE_TTL_MS) };
  if (opts.generation !== undefined) payload.gen = opts.generation;
  return signPayload(opts.secret, opts.purpose, payload);
}

/** `generation` is the one the token was signed with (0 when it carries none); the caller compares it with the stored counter. */
export type TTokenCheck = { ok: true; subscriberId: number; generation: number } | { ok: false; reason: "invalid" | "expired" };

export function verifySubscriberToken(opts: { secret: string; purpose: TLinkPurpose; token: string; now: Date }): TTokenCheck {
  const payload = verifySigned<TLinkPayload>(opts.secret, opts.purpose, opts.token);
  // A signed id that names no row (past PostgreSQL's integers) is as invalid as a forged one, not a failed query.
  if (!payload || typeof payload.sid !== "number" || !ZRowId.safeParse(payload.sid).success || typeof payload.exp !== "number") {
    return { ok: false, reason: "invalid" };
  }
  if (payload.gen !== undefined && !Number.isInteger(payload.gen)) return { ok: false, reason: "invalid" };
  if (payload.exp <= opts.now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, subscriberId: payload.sid, generation: payload.gen ?? 0 };
}

export function subscriberLinks(opts: { appUrl: string; secret: string; subscriberId: number; now: Date; readerGeneration?: number }) {
  const manage = signSubscriberToken({ ...opts, purpose: "manage" });
  const unsubscribe = signSubscriberToken({ ...opts, purpose: "unsubscribe" });
  const feedback = signSubscriberToken({ ...opts, purpose: "feedback" });
  const reader = signSubscriberToken({ ...opts, purpose: "reader", generation: opts.readerGeneration ?? 0 });
  const unsubscribeUrl = `${opts.appUrl}/api/unsubscribe?token=${encodeURIComponent(unsubscribe)}`;
  return {
    manageUrl: `${opts.appUrl}/subscription/${manage}`,
    unsubscribeUrl,
    /** A GET shows a one-button confirmation page; only its POST records the feedback, so mail scanners record nothing. */
    feedbackUrl: (paperId: number, kind: TFeedbackKind) => `${opts.appUrl}/feedback/${feedback}?paper=${paperId}&kind=${kind}`,
    /** An app path (starting with "/") carrying the reader token `r`, from which the site sets its signed reader cookie. */
    readerUrl: (path: string) => `${opts.appUrl}${path}${path.includes("?") ? "&" : "?"}r=${encodeURIComponent(reader)}`,
    /**
     * RFC 8058 headers: mail clients POST `List-Unsubscribe=One-Click` to the URL. Exactly one web address, as the RFC requires: the
     * manage page listed beside it took that POST as a page's form post and unsubscribed nobody.
     */
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
