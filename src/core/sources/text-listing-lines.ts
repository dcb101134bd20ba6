// Recognises the line shapes of a trending page copied as plain text: dates, counts, navigation, author lines.
import { calendarDay, monthNumber, utcDay } from "./dates";

const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`, "i");
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?(?:,?\s+(\d{4}))?$`, "i");
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const FULL_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

const NAVIGATION = new Set([
  "subscribe",
  "sign in",
  "sign up",
  "log in",
  "login",
  "log out",
  "logout",
  "upvote",
  "upvoted",
  "share",
  "follow",
  "trending",
  "trending papers",
  "daily papers",
  "papers",
  "previous",
  "next",
  "load more",
  "see more",
  "show more",
  "view all",
  "github",
  "arxiv page",
  "project page",
  "paper page",
  "submitted by",
  "pdf",
  "code",
  "demo",
  "new",
  "hot",
  "top",
  "menu",
  "search",
  "home",
  "models",
  "datasets",
  "spaces",
  "docs",
  "pricing",
  "collections",
  "community",
  "comments",
  "discussion",
  "this week",
  "this month",
  "today",
  "yesterday",
  "daily",
  "weekly",
  "monthly",
  "abstract",
]);
const CALL_TO_ACTION = /\b(?:subscribe|newsletter|inbox|sign (?:in|up)|log (?:in|out))\b/i;
const SITE_CHROME = /\b(?:e-?mail|cookies?|privacy policy|terms of (?:use|service))\b/i;
const NAME_PARTICLES = new Set(["de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das", "bin", "al", "el", "y"]);

export function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

function isMonthName(word: string): boolean {
  const w = word.toLowerCase();
  return w === "sept" || FULL_MONTHS.some((m) => m.startsWith(w));
}

function withYear(month: number, day: number, year: string | undefined, now: Date): string | undefined {
  if (year !== undefined) return calendarDay(Number.parseInt(year, 10), month, day);
  const today = utcDay(now);
  // No year written: the most recent such day that is not in the future (Feb 29 may be years back).
  for (let y = now.getUTCFullYear(); y > now.getUTCFullYear() - 8; y -= 1) {
    const candidate = calendarDay(y, month, day);
    if (candidate !== undefined && candidate <= today) return candidate;
  }
  return undefined;
}

/** "Mar 12", "Mar 12, 2025", "12 Mar", "Tuesday, 12 March", "2025-03-12" → YYYY-MM-DD. */
export function parseDateLine(line: string, now: Date): string | undefined {
  const iso = ISO_DAY.exec(line);
  if (iso?.[1] && iso[2] && iso[3]) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const monthFirst = MONTH_FIRST.exec(line);
  const dayFirst = monthFirst ? null : DAY_FIRST.exec(line);
  const monthWord = monthFirst?.[1] ?? dayFirst?.[2];
  const dayText = monthFirst?.[2] ?? dayFirst?.[1];
  if (monthWord === undefined || dayText === undefined || !isMonthName(monthWord)) return undefined;
  const month = monthNumber(monthWord);
  if (month === undefined) return undefined;
  return withYear(month, Number.parseInt(dayText, 10), monthFirst?.[3] ?? dayFirst?.[3], now);
}

/** A lone integer such as an upvote count ("94", "1,204"). */
export function parseCountLine(line: string): number | undefined {
  if (!/^(?:\d{1,3}(?:,\d{3})+|\d{1,7})$/.test(line)) return undefined;
  return Number.parseInt(line.replace(/,/g, ""), 10);
}

/** Buttons, bylines, calls to action and metadata crumbs: text that is page chrome, never a title or abstract. */
export function isNavigationLine(line: string): boolean {
  const bare = line.replace(/[\s:·•|]+$/, "").toLowerCase();
  const count = words(line).length;
  if (NAVIGATION.has(bare)) return true;
  if (/^by\s/.test(line) && count <= 12) return true;
  if (/^(?:submitted|published|posted|added|updated)\s+(?:by|on)\b/i.test(line)) return true;
  if (CALL_TO_ACTION.test(line) && count <= 12) return true;
  if (SITE_CHROME.test(line) && line.endsWith("!")) return true;
  if (/^[·•|–—-]/.test(line) || /^\d+\s+authors?$/i.test(line)) return true;
  const letters = line.replace(/[^\p{L}]/gu, "").length;
  return letters * 2 < line.replace(/\s/g, "").length;
}

/** A plausible title: 3–40 words, not a sentence (no final period), not chrome. */
export function isTitleLine(line: string): boolean {
  const count = words(line).length;
  return count >= 3 && count <= 40 && line.length <= 300 && !/[.,;:]$/.test(line) && !isNavigationLine(line);
}

/** Headline capitalisation or a "Name: subtitle" colon — tells a title from an abstract's first line. */
export function looksStronglyLikeTitle(line: string): boolean {
  if (!isTitleLine(line) || words(line).length > 25) return false;
  if (/^[^:]{2,60}:\s/.test(line)) return true;
  const long = words(line).filter((w) => /^\p{L}{4,}/u.test(w));
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return long.length > 0 && capitalised / long.length >= 0.6;
}

function isNameLike(part: string): boolean {
  const tokens = words(part.replace(/^and\s+/, ""));
  if (tokens.length < 2 || tokens.length > 5) return false;
  return tokens.every((t) => /^\p{Lu}[\p{L}'’.-]*$/u.test(t) || NAME_PARTICLES.has(t.toLowerCase()));
}

/** "Authors: …", or a line that is nothing but "First Last, First Last and First Last". */
export function authorLineNames(line: string): string[] | undefined {
  const labelled = /^authors?:\s*(.+)$/i.exec(line);
  const body = (labelled?.[1] ?? line).replace(/,?\s*et al\.?$/i, "");
  const parts = body
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (labelled) return parts.length > 0 ? parts : undefined;
  return parts.length >= 2 && parts.every(isNameLike) ? parts : undefined;
}
