// Calendar days as "YYYY-MM-DD" strings in UTC: the one representation of a listing day.
// Functions here throw RangeError on malformed dates (a programming error); parsePeriod is
// the boundary that turns user input into null instead.

export const MS_PER_DAY = 86_400_000;

/** The days "YYYY-MM-DD" can write: toISOString() writes year 10000 as "+010000-…", which is no date, and DATE_RE wants no leading zero. */
const FIRST_DAY_MS = Date.UTC(1000, 0, 1);
const LAST_DAY_END_MS = Date.UTC(9999, 11, 31) + MS_PER_DAY;

const DATE_RE = /^([1-9]\d{3})-(\d{2})-(\d{2})$/;

export type TDateParts = { year: number; month: number; day: number };

/** Days in a month, with month numbered 1..12. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parts of a strictly valid date string (2026-02-30 is not one), or null. */
export function parseDateParts(value: string): TDateParts | null {
  const match = DATE_RE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isValidDate(value: string): boolean {
  return parseDateParts(value) !== null;
}

/** Midnight UTC at the start of the given day. */
export function startOfUtcDay(value: string): Date {
  const parts = parseDateParts(value);
  if (!parts) throw new RangeError(`Invalid date "${value}", expected YYYY-MM-DD`);
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
}

/** The UTC calendar day an instant (epoch milliseconds) falls on, or null when YYYY-MM-DD cannot write it. */
export function utcDateAt(ms: number): string | null {
  return ms >= FIRST_DAY_MS && ms < LAST_DAY_END_MS ? new Date(ms).toISOString().slice(0, 10) : null;
}

/** The UTC calendar day an instant falls on. Throws RangeError on an invalid instant or one before year 1000 or after 9999. */
export function toUtcDate(instant: Date): string {
  const day = utcDateAt(instant.getTime());
  if (day === null) throw new RangeError(Number.isNaN(instant.getTime()) ? "Invalid Date" : `${instant.toISOString()} has no YYYY-MM-DD day`);
  return day;
}

export function todayUtc(now: Date): string {
  return toUtcDate(now);
}

export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs a whole number of days, got ${days}`);
  return toUtcDate(new Date(startOfUtcDay(date).getTime() + days * MS_PER_DAY));
}
