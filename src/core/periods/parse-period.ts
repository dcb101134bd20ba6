// Listing periods behind /papers/date/YYYY-MM-DD, /papers/week/YYYY-Www and /papers/month/YYYY-MM:
// strict parsing of the URL value, and the period holding a day. A period exists only when every one of its days can be
// written YYYY-MM-DD (years 1000 to 9999), so a far date is a 404 here, never a query for year 10000.
import { formatIsoWeekKey, isoWeekDays, isoWeekKey, parseIsoWeekKey } from "./iso-week";
import { daysInMonth, isValidDate, parseDateParts } from "./utc-date";

export type TPeriodKind = "day" | "week" | "month";

/** start and end are inclusive YYYY-MM-DD days. */
export type TPeriod = { kind: TPeriodKind; key: string; start: string; end: string };

const MONTH_KEY_RE = /^([1-9]\d{3})-(\d{2})$/;

const URL_SEGMENT: Record<TPeriodKind, string> = { day: "date", week: "week", month: "month" };

function dayPeriod(date: string): TPeriod {
  return { kind: "day", key: date, start: date, end: date };
}

function weekPeriod(key: string): TPeriod | null {
  const week = parseIsoWeekKey(key);
  const days = week && isoWeekDays(week);
  return days && week ? { kind: "week", key: formatIsoWeekKey(week), ...days } : null;
}

function monthPeriod(year: number, month: number): TPeriod {
  const key = `${year}-${String(month).padStart(2, "0")}`;
  return { kind: "month", key, start: `${key}-01`, end: `${key}-${String(daysInMonth(year, month)).padStart(2, "0")}` };
}

function toKind(kind: string): TPeriodKind | null {
  // "date" is the URL segment for a day.
  if (kind === "day" || kind === "date") return "day";
  if (kind === "week" || kind === "month") return kind;
  return null;
}

/**
 * Parses a period from a URL. kind is "day" (or its URL segment "date"), "week" or "month".
 * Returns null for anything that is not an exact, existing period.
 */
export function parsePeriod(kind: string, value: string): TPeriod | null {
  switch (toKind(kind)) {
    case "day":
      return isValidDate(value) ? dayPeriod(value) : null;
    case "week":
      return weekPeriod(value);
    case "month": {
      const match = MONTH_KEY_RE.exec(value);
      const month = Number(match?.[2]);
      return match && month >= 1 && month <= 12 ? monthPeriod(Number(match[1]), month) : null;
    }
    default:
      return null;
  }
}

/** The period of the given kind containing a day; null for an invalid day or a week reaching outside years 1000 to 9999. */
export function periodOf(kind: TPeriodKind, date: string): TPeriod | null {
  const parts = parseDateParts(date);
  if (!parts) return null;
  switch (kind) {
    case "day":
      return dayPeriod(date);
    case "week":
      return weekPeriod(isoWeekKey(date));
    case "month":
      return monthPeriod(parts.year, parts.month);
  }
}

/** The listing page of a period, e.g. /papers/week/2026-W53. */
export function periodPath(period: TPeriod): string {
  return `/papers/${URL_SEGMENT[period.kind]}/${period.key}`;
}
