// The subscribe form's one server function: validates, rate-limits, records a pending subscriber and mails a confirmation.
import { hmac, randomToken, sha256 } from "../auth/secrets";
import { rateLimitedError } from "../errors/app-error";
import type { Db } from "../db";
import { logger } from "../logger";
import type { Mailer, TOutgoingMail } from "../mail/mailer";
import { hitRateLimit } from "../repo/rate-limits";
import { recordSubscribeRequest, type TSubscribeRequestRecord } from "../repo/subscribers";
import { subscriberLinks } from "./subscription-links";
import { alreadySubscribedMail, confirmationMail } from "./subscription-mail";
import { CONFIRM_PURPOSE, CONFIRM_TOKEN_TTL_MS, SUBSCRIBE_ADDRESS_LIMIT, SUBSCRIBE_IP_LIMIT } from "./subscription-limits";
import { ZSubscribeInput } from "./subscription-input";

export type TSubscribeDeps = { db: Db; mailer: Mailer; appUrl: string; secret: string; now: Date };

/** What happened, for tests and logs only: the visitor always sees the same "check your inbox". */
export type TSubscribeOutcome = "confirmation-sent" | "already-subscribed-sent" | "honeypot" | "suppressed" | "address-limited";

/**
 * `delivery` settles once the outcome's mail (if any) is handed to SMTP or has failed (logged); it never rejects.
 * The answer does not wait for it: callers may ignore it, tests await it.
 */
export type TSubscribeResult = { outcome: TSubscribeOutcome; delivery: Promise<void> };

/**
 * The keyed hash that identifies an address in suppressions and rate-limit keys without storing it. Case-insensitive:
 * `Victim@` and `vIctim@` are one mailbox, so they share one limit and one suppression.
 */
export function emailHash(secret: string, email: string): string {
  return hmac(secret, `email:${email.toLowerCase()}`);
}

/** Suppressions stored before addresses compared case-insensitively hashed the address as typed; those still match when typed that way. */
function suppressionHashes(secret: string, email: string): string[] {
  return [...new Set([emailHash(secret, email), hmac(secret, `email:${email}`)])];
}

function outcomeOf(write: boolean, record: TSubscribeRequestRecord): TSubscribeOutcome {
  if (!write) return "honeypot";
  if (record.suppressed) return "suppressed";
  if (record.addressHits > SUBSCRIBE_ADDRESS_LIMIT.limit) return "address-limited";
  return record.tokenCreated ? "confirmation-sent" : "already-subscribed-sent";
}

/**
 * Sends the outcome's mail after the answer has gone: the answer must not wait on SMTP, or its timing would tell which
 * addresses get mail. A failure is logged; the visitor's answer never changes with it (a "could not send" answer would
 * be that same tell), and they can simply try again.
 */
function deliverLater(deps: TSubscribeDeps, to: string, outcome: TSubscribeOutcome, subscriberId: number | undefined, token: string): Promise<void> {
  return new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
    if (outcome !== "confirmation-sent" && outcome !== "already-subscribed-sent") return;
    if (subscriberId === undefined) {
      logger.warn({ outcome }, "no subscriber row to mail after a subscribe request; the visitor can try again");
      return;
    }
    try {
      const links = subscriberLinks({ appUrl: deps.appUrl, secret: deps.secret, subscriberId, now: deps.now });
      const mail: TOutgoingMail =
        outcome === "confirmation-sent"
          ? confirmationMail({ to, confirmUrl: `${deps.appUrl}/subscribe/confirm?token=${encodeURIComponent(token)}`, links })
          : alreadySubscribedMail({ to, links });
      await deps.mailer.send(mail);
    } catch (err) {
      logger.error({ err, subscriberId, outcome }, "could not send the subscription mail");
    }
  });
}

/**
 * Throws INVALID_INPUT for a bad form and RATE_LIMITED when one IP sends too much; every other case, including a known,
 * suppressed or over-limit address and a bot's filled honeypot, resolves identically so nobody can enumerate: the same
 * two statements (the IP's limit, then recordSubscribeRequest), no mail work before the answer, one deferred delivery.
 */
export async function subscribe(deps: TSubscribeDeps & { input: unknown; ip: string }): Promise<TSubscribeResult> {
  const input = ZSubscribeInput.parse(deps.input);
  const ipHit = await hitRateLimit({ db: deps.db, key: `subscribe:ip:${deps.ip}`, ...SUBSCRIBE_IP_LIMIT, now: deps.now });
  if (!ipHit.allowed)
    throw rateLimitedError({
      message: "Too many subscribe requests from this address.",
      userMessage: "Too many attempts from your network. Please try again in a few minutes.",
      resetAt: ipHit.resetAt,
      now: deps.now,
    });

  const { email, website, ...prefs } = input;
  const write = website.trim() === "";
  const token = randomToken();
  const record = await recordSubscribeRequest({
    db: deps.db,
    email,
    prefs,
    write,
    suppressionHashes: suppressionHashes(deps.secret, email),
    addressLimit: { key: `subscribe:addr:${emailHash(deps.secret, email)}`, ...SUBSCRIBE_ADDRESS_LIMIT },
    token: { purpose: CONFIRM_PURPOSE, hash: sha256(token), expiresAt: new Date(deps.now.getTime() + CONFIRM_TOKEN_TTL_MS) },
    now: deps.now,
  });
  const outcome = outcomeOf(write, record);
  return { outcome, delivery: deliverLater(deps, email, outcome, record.subscriber?.id, token) };
}
