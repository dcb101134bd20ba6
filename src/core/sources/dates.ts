// Sources write dates as ISO instants, RFC 822, "Mon, 27 Jul 2026" or "30 Jan 24"; papers store UTC days.

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** YYYY-MM-DD of an instant in UTC. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toDate(value: unknown): Date | undefined {
  if (typeof value !== "string" && typeof value !== "number") return undefined;
  if (typeof value === "string" && value.trim().length === 0) return undefined;
  const date = new Date(typeof value === "string" ? value.trim() : value);
  const time = date.getTime();
  // Guard against values Date accepts but ISO strings cannot express.
  return Number.isFinite(time) && Math.abs(time) < 8.64e15 && date.getUTCFullYear() >= 1000 && date.getUTCFullYear() <= 9999 ? date : undefined;
}

/** Normalised ISO 8601 instant ("2024-07-31T17:54:27.000Z") of a date string, or undefined. */
export function toIsoInstant(value: unknown): string | undefined {
  return toDate(value)?.toISOString();
}

/** UTC day of a date string, or undefined when it does not parse. */
export function utcDayOf(value: unknown): string | undefined {
  const date = toDate(value);
  return date === undefined ? undefined : utcDay(date);
}

export function monthNumber(name: string): number | undefined {
  return MONTHS[name.slice(0, 3).toLowerCase()];
}

/** A calendar day as YYYY-MM-DD if it exists ("2026-02-30" does not). */
export function calendarDay(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

const DAY_MONTH_YEAR = /\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4}|\d{2})\b/;

/** Finds "27 Jul 2026", "28 July 2026" or "30 Jan 24" inside a heading and returns YYYY-MM-DD. */
export function findDayMonthYear(text: string): string | undefined {
  const match = DAY_MONTH_YEAR.exec(text);
  if (!match) return undefined;
  const [, d, m, y] = match;
  if (d === undefined || m === undefined || y === undefined) return undefined;
  const month = monthNumber(m);
  if (month === undefined) return undefined;
  let year = Number.parseInt(y, 10);
  // arXiv's old pages use two-digit years; its first papers are from 1991.
  if (y.length === 2) year += year >= 91 ? 1900 : 2000;
  return calendarDay(year, month, Number.parseInt(d, 10));
}
