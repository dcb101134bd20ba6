// Public surface of listing periods: days, ISO weeks and months as URL keys and inclusive day ranges.
export { addDays, isValidDate, startOfUtcDay, toUtcDate, todayUtc } from "./utc-date";
export { isoWeekKey, isoWeeksInYear, parseIsoWeekKey, weekStart } from "./iso-week";
export { parsePeriod, periodOf, periodPath, type TPeriod, type TPeriodKind } from "./parse-period";
export { formatDayLabel, formatDayRange, formatPeriodLabel } from "./format-period";
