// A cheap plausibility check for cron expressions in configuration, so a typo fails at boot with
// a clear message. It checks shape only; croner, used in src/server, does the real parsing.

const NICKNAMES = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@hourly"]);

/** Digits, names (MON, JAN), and the operators * / , - ? L W #. */
const FIELD_RE = /^(?:\*|\?|[0-9A-Za-z]+(?:[-#][0-9A-Za-z]+)?)(?:\/\d+)?(?:,(?:\*|\?|[0-9A-Za-z]+(?:[-#][0-9A-Za-z]+)?)(?:\/\d+)?)*$/;

/** True for 5 fields (minute first) or 6 (seconds first), or a nickname such as @daily. */
export function isValidCronExpression(expr: string): boolean {
  const trimmed = expr.trim();
  if (NICKNAMES.has(trimmed.toLowerCase())) return true;
  const fields = trimmed.split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((field) => FIELD_RE.test(field));
}
