// When a subscriber's digest is due and which listing days it looks at. Everything is in UTC, so
// daylight-saving changes anywhere never move a period boundary.
//
// A daily digest's period is the current UTC day; a weekly one's is the current ISO week. One
// digest goes out per period. A first digest looks back to the start of the previous day (daily)
// or previous ISO week (weekly), so a digest sent early in its period is not nearly empty.
import {
  addDays,
  formatDayLabel,
  formatWeekLabel,
  isValidDate,
  isoWeekKey,
  parseIsoWeekKey,
  startOfUtcDay,
  todayUtc,
  toUtcDate,
  weekStart,
} from "@/core/periods";

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
  return last.getTime() < startOfUtcDay(currentPeriodStartDay(subscriber.frequency, now)).getTime();
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

/** "daily:2026-11-27" → "Fri 27 Nov 2026", "weekly:2026-W48" → "week 48, 2026"; null if malformed. */
export function formatDigestPeriod(periodKey: string): { frequency: TDigestFrequency; label: string } | null {
  const [frequency, value = ""] = periodKey.split(":", 2);
  if (frequency === "daily" && isValidDate(value)) return { frequency, label: formatDayLabel(value) };
  if (frequency === "weekly" && parseIsoWeekKey(value)) return { frequency, label: formatWeekLabel(value) };
  return null;
}
