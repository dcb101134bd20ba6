// Public surface of listing periods: days, ISO weeks and months as URL keys and inclusive day ranges.
export { addDays, daysInMonth, isLeapYear, isValidDate, startOfUtcDay, toUtcDate, todayUtc } from "./utc-date";
export { isoWeekKey, isoWeekOf, isoWeeksInYear, parseIsoWeekKey, weekStart, type TIsoWeek } from "./iso-week";
export { nextPeriod, parsePeriod, periodOf, periodPath, prevPeriod, type TPeriod, type TPeriodKind } from "./parse-period";
export { formatDayLabel, formatMonthLabel, formatPeriodLabel, formatWeekLabel } from "./format-period";
