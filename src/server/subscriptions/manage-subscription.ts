// What a signed manage or unsubscribe link lets a subscriber do: see and change preferences, pause, resume, leave, erase.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { deleteSubscriber, getSubscriber, setSubscriberStatus, updateSubscriberPreferences, type TSubscriberView } from "../repo/subscribers";
import { emailHash } from "./subscribe";
import { ZPreferences } from "./subscription-input";
import { verifySubscriberToken, type TLinkPurpose } from "./subscription-links";

export type TManageDeps = { db: Db; secret: string; token: string; now: Date; purpose?: TLinkPurpose };

/** The subscriber behind a signed link; a tampered, expired or orphaned link is a friendly 4xx. */
export async function loadManagedSubscriber(deps: TManageDeps): Promise<TSubscriberView> {
  const check = verifySubscriberToken({ secret: deps.secret, purpose: deps.purpose ?? "manage", token: deps.token, now: deps.now });
  if (!check.ok) {
    throw check.reason === "expired"
      ? new AppError("GONE", "subscription link expired", {
          userMessage: "This link has expired. Every new digest carries a fresh one.",
          details: { reason: "expired" },
        })
      : new AppError("NOT_FOUND", "subscription link invalid", {
          userMessage: "This link is not valid. Check that you copied the whole link.",
          details: { reason: "invalid" },
        });
  }
  const subscriber = await getSubscriber({ db: deps.db, id: check.subscriberId });
  if (!subscriber)
    throw new AppError("NOT_FOUND", "subscriber gone", { userMessage: "There is no subscription for this link any more.", details: { reason: "deleted" } });
  return subscriber;
}

export async function updatePreferences(deps: TManageDeps & { input: unknown }): Promise<TSubscriberView> {
  const prefs = ZPreferences.parse(deps.input);
  const subscriber = await loadManagedSubscriber(deps);
  return updateSubscriberPreferences({ db: deps.db, id: subscriber.id, prefs });
}

export async function pauseSubscription(deps: TManageDeps): Promise<TSubscriberView> {
  const subscriber = await loadManagedSubscriber(deps);
  await setSubscriberStatus({ db: deps.db, id: subscriber.id, status: "paused", from: ["confirmed", "bouncing"], now: deps.now });
  return loadManagedSubscriber(deps);
}

/**
 * Back to confirmed from a pause, or from unsubscribing: the manage link was mailed to the address, which proves it as a confirmation
 * does. An unsubscribed reader's page had no way back (a confirmation link opened after unsubscribing landed there too), only the
 * subscribe form and a new round of double opt-in.
 */
export async function resumeSubscription(deps: TManageDeps): Promise<TSubscriberView> {
  const subscriber = await loadManagedSubscriber(deps);
  await setSubscriberStatus({ db: deps.db, id: subscriber.id, status: "confirmed", from: ["paused", "unsubscribed"], now: deps.now });
  return loadManagedSubscriber(deps);
}

/** Idempotent: unsubscribing twice is still unsubscribed. */
export async function unsubscribe(deps: TManageDeps): Promise<TSubscriberView> {
  const subscriber = await loadManagedSubscriber(deps);
  await setSubscriberStatus({ db: deps.db, id: subscriber.id, status: "unsubscribed", from: ["pending", "confirmed", "paused", "bouncing"], now: deps.now });
  return loadManagedSubscriber(deps);
}

/** Erases the subscriber; only HMAC(APP_SECRET, address) stays, in suppressions, so it is never mailed again. */
export async function deleteSubscriberData(deps: TManageDeps): Promise<void> {
  const subscriber = await loadManagedSubscriber(deps);
  await deleteSubscriber({ db: deps.db, id: subscriber.id, emailHash: emailHash(deps.secret, subscriber.email) });
}
