// Double opt-in: checks a confirmation token (GET, changes nothing) and uses it once (POST) to confirm.
import { sha256 } from "../auth/secrets";
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { consumeSubscriberToken, findSubscriberToken, setSubscriberStatus } from "../repo/subscribers";
import { signSubscriberToken } from "./subscription-links";
import { CONFIRM_PURPOSE } from "./subscription-limits";

const REASONS = {
  unknown: "This confirmation link is not valid. Check that you copied the whole link, or subscribe again.",
  expired: "This confirmation link has expired. Subscribe again to get a fresh one.",
  used: "This confirmation link was already used. Your subscription page is linked from every mail we send.",
} as const;

function tokenError(reason: keyof typeof REASONS): AppError {
  return new AppError(reason === "unknown" ? "NOT_FOUND" : "GONE", `confirmation token ${reason}`, { userMessage: REASONS[reason], details: { reason } });
}

/** For the confirm page: resolves when the token can still be used, throws a friendly AppError otherwise. */
export async function checkConfirmToken(opts: { db: Db; token: string; now: Date }): Promise<void> {
  const lookup = await findSubscriberToken({ db: opts.db, purpose: CONFIRM_PURPOSE, tokenHash: sha256(opts.token), now: opts.now });
  if (!lookup.ok) throw tokenError(lookup.reason);
}

/** Confirms the pending subscriber behind the token; returns their manage token for the preferences page. */
export async function confirmSubscription(opts: { db: Db; secret: string; token: string; now: Date }): Promise<{ subscriberId: number; manageToken: string }> {
  const result = await consumeSubscriberToken({
    db: opts.db,
    purpose: CONFIRM_PURPOSE,
    tokenHash: sha256(opts.token),
    now: opts.now,
    then: async (tx, subscriberId) => {
      await setSubscriberStatus({ db: tx, id: subscriberId, status: "confirmed", from: ["pending"], now: opts.now });
      return subscriberId;
    },
  });
  if (!result.ok) throw tokenError(result.reason);
  return {
    subscriberId: result.value,
    manageToken: signSubscriberToken({ secret: opts.secret, purpose: "manage", subscriberId: result.value, now: opts.now }),
  };
}
