// Human labels for days, weeks and months, fixed to English and UTC so pages and emails render
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

/** "2026-W48" → "week 48, 2026". Throws RangeError on an invalid key. */
export function formatWeekLabel(key: string): string {
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
