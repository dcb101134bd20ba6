// ISO-8601 weeks (Monday start; week 1 holds the year's first Thursday), used by weekly
// listing pages and weekly digests. Keys look like "2026-W53".
import { MS_PER_DAY, startOfUtcDay, toUtcDate, utcDateAt } from "./utc-date";

const WEEK_KEY_RE = /^([1-9]\d{3})-W(\d{2})$/;

export type TIsoWeek = { year: number; week: number };

/** Monday = 0 ... Sunday = 6. */
function isoWeekday(dayStartMs: number): number {
  return (new Date(dayStartMs).getUTCDay() + 6) % 7;
}

function dayStartMs(date: string | Date): number {
  if (typeof date === "string") return startOfUtcDay(date).getTime();
  return startOfUtcDay(toUtcDate(date)).getTime();
}

/** The ISO week a day (or the UTC day of an instant) belongs to. */
function isoWeekOf(date: string | Date): TIsoWeek {
  const dayMs = dayStartMs(date);
  // The Thursday of the same ISO week decides the week-numbering year.
  const thursday = new Date(dayMs + (3 - isoWeekday(dayMs)) * MS_PER_DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * MS_PER_DAY)) + 1;
  return { year, week };
}

export function formatIsoWeekKey({ year, week }: TIsoWeek): string {
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export function isoWeekKey(date: string | Date): string {
  return formatIsoWeekKey(isoWeekOf(date));
}

/** 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; else 52. */
export function isoWeeksInYear(year: number): 52 | 53 {
  // 28 December always falls in the year's last ISO week.
  return isoWeekOf(`${year}-12-28`).week === 53 ? 53 : 52;
}

/** The week of a strictly valid key ("2025-W53" is not one), or null. */
export function parseIsoWeekKey(key: string): TIsoWeek | null {
  const match = WEEK_KEY_RE.exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > isoWeeksInYear(year)) return null;
  return { year, week };
}

/** The Monday and Sunday (YYYY-MM-DD) of an ISO week, or null when one of them falls outside the days YYYY-MM-DD can write (1000-W01, 9999-W52). */
export function isoWeekDays({ year, week }: TIsoWeek): { start: string; end: string } | null {
  // 4 January is always in week 1.
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - isoWeekday(jan4) * MS_PER_DAY + (week - 1) * 7 * MS_PER_DAY;
  const start = utcDateAt(monday);
  const end = utcDateAt(monday + 6 * MS_PER_DAY);
  return start && end ? { start, end } : null;
}

/** The Monday (YYYY-MM-DD) that starts an ISO week. Throws RangeError on an invalid key or a week isoWeekDays cannot write. */
export function weekStart(key: string): string {
  const parsed = parseIsoWeekKey(key);
  const days = parsed && isoWeekDays(parsed);
  if (!days) throw new RangeError(`Invalid ISO week "${key}", expected YYYY-Www`);
  return days.start;
}
