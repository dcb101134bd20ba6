// When a subscriber's digest is due and which listing days it looks at. Everything is in UTC, so
// daylight-saving changes anywhere never move a period boundary.
//
// A daily digest's period is the current UTC day; a weekly one's is the current ISO week. One
// digest goes out per period. A first digest looks back to the start of the previous day (daily)
// or previous ISO week (weekly), so a digest sent early in its period is not nearly empty.
//
// The period keys the ledger, not what the mail names: a digest holds what was listed since the last one, so a daily sent
// on Saturday morning may hold Friday's papers. The mail names the listing days of the papers it holds (digestListingDays).
import { addDays, formatDayRange, isValidDate, isoWeekKey, parseIsoWeekKey, startOfUtcDay, todayUtc, toUtcDate, weekStart } from "@/core/periods";

export type TDigestFrequency = "daily" | "weekly";

/** start is inclusive, end (= now) exclusive. */
export type TDigestWindow = { key: string; start: Date; end: Date };

export type TDigestSchedule = { frequency: TDigestFrequency; lastDigestAt?: Date | null };

/**
 * After missed runs the look-back stretches back to the last digest, up to this many days, so a
 * subscriber returning from a long pause is not sent a month-old backlog.
 */
export const MAX_LOOKBACK_DAYS: Record<TDigestFrequency, number> = { daily: 7, weekly: 28 };

/** "daily:2026-11-27" or "weekly:2026-W48". */
export function digestPeriodKey(frequency: TDigestFrequency, now: Date): string {
  return frequency === "daily" ? `daily:${todayUtc(now)}` : `weekly:${isoWeekKey(now)}`;
}

/** The first day of the period now falls in: today, or this ISO week's Monday. */
function currentPeriodStartDay(frequency: TDigestFrequency, now: Date): string {
  return frequency === "daily" ? todayUtc(now) : weekStart(isoWeekKey(now));
}

/** The instant the period now falls in began: a subscriber whose last digest is older is due (isDue, and the ledger's batches). */
export function currentPeriodStart(frequency: TDigestFrequency, now: Date): Date {
  return startOfUtcDay(currentPeriodStartDay(frequency, now));
}

export function periodWindow(frequency: TDigestFrequency, now: Date): TDigestWindow {
  const previousPeriodStart = addDays(currentPeriodStartDay(frequency, now), frequency === "daily" ? -1 : -7);
  return { key: digestPeriodKey(frequency, now), start: startOfUtcDay(previousPeriodStart), end: new Date(now.getTime()) };
}

/** Confirmed, and no digest sent yet in the current period. */
export function isDue(subscriber: TDigestSchedule & { status: string }, now: Date): boolean {
  if (subscriber.status !== "confirmed") return false;
  const last = subscriber.lastDigestAt;
  if (!last) return true;
  // Comparing instants rather than keys also keeps a lastDigestAt in the future (clock skew) from
  // triggering a second send.
  return last.getTime() < currentPeriodStart(subscriber.frequency, now).getTime();
}

/**
 * The first listing day (YYYY-MM-DD, inclusive) a digest considers: the day of the last digest,
 * or the window start for a first digest, clamped to MAX_LOOKBACK_DAYS. listedOn has only day
 * precision, so the last digest's own day is included and `alreadySent` removes repeats.
 */
export function digestSince(subscriber: TDigestSchedule, now: Date): string {
  const windowStart = toUtcDate(periodWindow(subscriber.frequency, now).start);
  if (!subscriber.lastDigestAt) return windowStart;
  const lastDay = toUtcDate(subscriber.lastDigestAt);
  const earliest = addDays(todayUtc(now), -MAX_LOOKBACK_DAYS[subscriber.frequency]);
  return lastDay < earliest ? earliest : lastDay;
}

/** The frequency of a well-formed period key ("daily:2026-11-27", "weekly:2026-W48"); null if malformed. */
export function digestFrequencyOf(periodKey: string): TDigestFrequency | null {
  const [frequency, value = ""] = periodKey.split(":", 2);
  if (frequency === "daily" && isValidDate(value)) return frequency;
  if (frequency === "weekly" && parseIsoWeekKey(value)) return frequency;
  return null;
}

/**
 * A period key as an admin reads it: "daily:2026-11-27" → "Daily, Fri 27 Nov 2026", "weekly:2026-W48" → "Weekly, 23–29 Nov 2026".
 * The key itself, whatever it holds, when it is not one this code writes.
 */
export function formatDigestPeriod(periodKey: string): string {
  const frequency = digestFrequencyOf(periodKey);
  // Everything after the first colon: the calendar helpers refuse what follows a second one, as they refuse a week whose days they
  // cannot write (year 1000's first, 9999's last), with a RangeError, and such a key is shown as it is.
  const value = periodKey.slice(periodKey.indexOf(":") + 1);
  try {
    if (frequency === "daily") return `Daily, ${formatDayRange(value, value)}`;
    if (frequency === "weekly") {
      const start = weekStart(value);
      return `Weekly, ${formatDayRange(start, addDays(start, 6))}`;
    }
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
  }
  return periodKey;
}

/** The first and last listing day (YYYY-MM-DD, inclusive) of the papers a digest holds. */
export type TListingDays = { from: string; to: string };

/**
 * The listing days a digest's papers come from, which its subject, heading and text name. Its selection runs from digestSince to
 * today, less what earlier digests sent, so at 07:00 the days that remain depend on the papers: a Saturday daily may hold only
 * Friday's, or Friday's late ones and Saturday's early ones. Only the papers say. A digest holding none names the days it looked at.
 */
export function digestListingDays(subscriber: TDigestSchedule, now: Date, listedOn: Iterable<string>): TListingDays {
  let from = "";
  let to = "";
  for (const day of listedOn) {
    if (from === "" || day < from) from = day;
    if (day > to) to = day;
  }
  return from === "" ? { from: digestSince(subscriber, now), to: todayUtc(now) } : { from, to };
}

/**
 * "Fri 12 Jun 2026", "8–14 Jun 2026", "28 Dec 2026 – 3 Jan 2027": the one label of the days a digest holds, in the mail and in
 * every preview of it. Throws RangeError on a malformed day.
 */
export function formatListingDays(days: TListingDays): string {
  return formatDayRange(days.from, days.to);
}
