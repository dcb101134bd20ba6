// The subscribe form's one server function: validates, rate-limits, records a pending subscriber and mails a confirmation.
import { hmac, randomToken, sha256 } from "../auth/secrets";
import { AppError } from "../errors/app-error";
import type { Db } from "../db";
import { logger } from "../logger";
import type { Mailer } from "../mail/mailer";
import { hitRateLimit } from "../repo/rate-limits";
import { createSubscriberToken, isSuppressed, upsertPendingSubscriber } from "../repo/subscribers";
import { subscriberLinks } from "./subscription-links";
import { alreadySubscribedMail, confirmationMail } from "./subscription-mail";
import { CONFIRM_PURPOSE, CONFIRM_TOKEN_TTL_MS, SUBSCRIBE_ADDRESS_LIMIT, SUBSCRIBE_IP_LIMIT } from "./subscription-limits";
import { ZSubscribeInput } from "./subscription-input";

export type TSubscribeDeps = { db: Db; mailer: Mailer; appUrl: string; secret: string; now: Date };

/** What happened, for tests and logs only: the visitor always sees the same "check your inbox". */
export type TSubscribeOutcome = "confirmation-sent" | "already-subscribed-sent" | "honeypot" | "suppressed" | "address-limited";

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

/**
 * Throws INVALID_INPUT for a bad form and RATE_LIMITED when one IP sends too much; every other case,
 * including a known, suppressed or over-limit address, resolves identically so nobody can enumerate.
 */
export async function subscribe(deps: TSubscribeDeps & { input: unknown; ip: string }): Promise<TSubscribeOutcome> {
  const input = ZSubscribeInput.parse(deps.input);
  if (input.website.trim() !== "") return "honeypot";

  const ipHit = await hitRateLimit({ db: deps.db, key: `subscribe:ip:${deps.ip}`, ...SUBSCRIBE_IP_LIMIT, now: deps.now });
  if (!ipHit.allowed)
    throw new AppError("RATE_LIMITED", "Too many subscribe requests from this address.", {
      userMessage: "Too many attempts from your network. Please try again in a few minutes.",
    });

  const hash = emailHash(deps.secret, input.email);
  if (await isSuppressed({ db: deps.db, emailHashes: suppressionHashes(deps.secret, input.email) })) return "suppressed";

  const { email, website: _website, ...prefs } = input;
  const subscriber = await upsertPendingSubscriber({ db: deps.db, email, prefs, now: deps.now });

  const addressHit = await hitRateLimit({ db: deps.db, key: `subscribe:addr:${hash}`, ...SUBSCRIBE_ADDRESS_LIMIT, now: deps.now });
  if (!addressHit.allowed) return "address-limited";

  const links = subscriberLinks({ appUrl: deps.appUrl, secret: deps.secret, subscriberId: subscriber.id, now: deps.now });
  try {
    if (subscriber.status !== "pending") {
      await deps.mailer.send(alreadySubscribedMail({ to: email, links }));
      return "already-subscribed-sent";
    }
    const token = randomToken();
    await createSubscriberToken({
      db: deps.db,
      subscriberId: subscriber.id,
      purpose: CONFIRM_PURPOSE,
      tokenHash: sha256(token),
      expiresAt: new Date(deps.now.getTime() + CONFIRM_TOKEN_TTL_MS),
    });
    const confirmUrl = `${deps.appUrl}/subscribe/confirm?token=${encodeURIComponent(token)}`;
    await deps.mailer.send(confirmationMail({ to: email, confirmUrl, links }));
    return "confirmation-sent";
  } catch (err) {
    logger.error({ err, subscriberId: subscriber.id }, "could not send the subscription mail");
    throw new AppError("UNAVAILABLE", "The subscription mail could not be sent.", {
      cause: err,
      userMessage: "We could not send the email just now. Please try again in a few minutes.",
    });
  }
}
