// Human labels for days, day ranges, weeks and months, fixed to English and UTC so pages and emails render
// the same on every server regardless of its locale or time zone.
import { parseIsoWeekKey } from "./iso-week";
import type { TPeriod } from "./parse-period";
import { parseDateParts } from "./utc-date";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;
const MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"] as const;

/** "2026-11-27" → "Fri 27 Nov 2026". Throws RangeError on an invalid date. */
export function formatDayLabel(date: string): string {
  const parts = parseDateParts(date);
  if (!parts) throw new RangeError(`Invalid date "${date}", expected YYYY-MM-DD`);
  const weekday = WEEKDAYS[new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay()];
  return `${weekday} ${parts.day} ${MONTHS[parts.month - 1]} ${parts.year}`;
}

/**
 * The days from `from` to `to` (inclusive), as short as reads unambiguously: "Fri 12 Jun 2026" for one day, "8–14 Jun 2026",
 * "29 Jun – 5 Jul 2026", "28 Dec 2026 – 3 Jan 2027" (en dash, spaced when it joins two dates that each name a month).
 * Throws RangeError on an invalid day or a range that ends before it starts.
 */
export function formatDayRange(from: string, to: string): string {
  const start = parseDateParts(from);
  const end = parseDateParts(to);
  if (!start || !end) throw new RangeError(`Invalid day range "${from}" to "${to}", expected YYYY-MM-DD`);
  if (from > to) throw new RangeError(`Day range "${from}" to "${to}" ends before it starts`);
  if (from === to) return formatDayLabel(from);
  const endLabel = `${end.day} ${MONTHS[end.month - 1]} ${end.year}`;
  if (start.year !== end.year) return `${start.day} ${MONTHS[start.month - 1]} ${start.year} – ${endLabel}`;
  if (start.month !== end.month) return `${start.day} ${MONTHS[start.month - 1]} – ${endLabel}`;
  return `${start.day}–${endLabel}`;
}

/** "2026-W48" → "week 48, 2026". Throws RangeError on an invalid key. */
function formatWeekLabel(key: string): string {
  const week = parseIsoWeekKey(key);
  if (!week) throw new RangeError(`Invalid ISO week "${key}", expected YYYY-Www`);
  return `week ${week.week}, ${week.year}`;
}

/** "2026-11" → "November 2026". Throws RangeError on an invalid key. */
function formatMonthLabel(key: string): string {
  const parts = parseDateParts(`${key}-01`);
  if (!parts) throw new RangeError(`Invalid month "${key}", expected YYYY-MM`);
  return `${MONTHS_LONG[parts.month - 1]} ${parts.year}`;
}

export function formatPeriodLabel(period: TPeriod): string {
  switch (period.kind) {
    case "day":
      return formatDayLabel(period.key);
    case "week":
      return formatWeekLabel(period.key);
    case "month":
      return formatMonthLabel(period.key);
  }
}
