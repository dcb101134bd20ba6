// Recognises the line shapes of a listing copied as plain text: dates, counts, card and page chrome, arXiv fields, titles, prose.
import { splitAuthorList } from "./author-list";
import { calendarDay, findDayMonthYear, monthNumber, utcDay } from "./dates";

/**
 * What one non-blank line is. Only `text` lines can be titles, author lines or abstracts; every other
 * kind is chrome, which the parser uses as anchors (cards, fields, dates) but never as paper text.
 */
export type TLineKind =
  /** A candidate title, author line or abstract line. */
  | "text"
  /** A date heading ("Mar 12", "Showing new listings for Tuesday, 28 July 2026"): dates the entries below it. */
  | "date"
  /** "Published on Aug 5, 2025": dates the card it sits in. */
  | "published"
  /** A lone integer: upvotes, comments or stars, depending on the label above it. */
  | "count"
  /** Chrome that belongs to one entry: "Upvote", "GitHub", "arXiv Page", "· 8 authors", "6.83k", a bare id or URL. */
  | "card"
  /** Chrome that starts a card: "Submitted by", or an arXiv listing's "[1] arXiv:2407.12345 [pdf, html, other]". */
  | "opener"
  /** The user name on the line after a lone "Submitted by". */
  | "submitter"
  /** An arXiv listing field: "Title: …", "Authors: …", "Comments: …", "Subjects: …". */
  | "label"
  /** Page chrome: navigation, calls to action, headers and footers. */
  | "page";

export type TLabel = "title" | "authors" | "comments" | "subjects" | "other";

const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const MONTH_FIRST = new RegExp(String.raw`^${WEEKDAY}([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`, "i");
const DAY_FIRST = new RegExp(String.raw`^${WEEKDAY}(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?(?:,?\s+(\d{4}))?$`, "i");
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// arXiv's own day headings: "Showing new listings for Tuesday, 28 July 2026", "Mon, 27 Jul 2026 (showing 47 of 47 entries )".
const ARXIV_DAY_HEADING =
  /^(?:showing new listings for\s+(.+)|((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4})\s*\(showing\b.*\))$/i;
const FULL_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

// Buttons and crumbs that sit inside one paper's card.
const CARD_WORDS = new Set([
  "upvote",
  "upvoted",
  "github",
  "arxiv page",
  "project page",
  "paper page",
  "pdf",
  "code",
  "demo",
  "share",
  "discussion",
  "comments",
]);
// Navigation, headers and footers of the page around the cards.
const PAGE_WORDS = new Set([
  "subscribe",
  "sign in",
  "sign up",
  "log in",
  "login",
  "log out",
  "logout",
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
  "new",
  "hot",
  "top",
  "menu",
  "search",
  "home",
  "hugging face",
  "models",
  "datasets",
  "spaces",
  "docs",
  "enterprise",
  "pricing",
  "collections",
  "community",
  "this week",
  "this month",
  "today",
  "yesterday",
  "daily",
  "weekly",
  "monthly",
  "abstract",
  "system theme",
  "company",
  "tos",
  "privacy",
  "about",
  "jobs",
  "website",
  "help",
  "contact",
  "copyright",
  "accessibility",
  "operational status",
]);
/** A menu of page words on one line, as arXiv's footer is: "About · Help · Contact · … · Operational Status (opens in new tab)". */
function isMenuLine(bare: string): boolean {
  const items = bare.split(/\s*[·•|]\s*/).map((item) => item.replace(/\s*\(opens in (?:a )?new (?:tab|window)\)$/, ""));
  return items.length >= 2 && items.every((item) => PAGE_WORDS.has(item));
}
const CALL_TO_ACTION = /\b(?:subscribe|newsletter|inbox|sign (?:in|up)|log (?:in|out))\b/i;
const SITE_CHROME = /\b(?:e-?mail|cookies?|privacy policy|terms of (?:use|service))\b/i;
// Sentences and headings that frame arXiv's listing pages.
const ARXIV_CHROME =
  /^(?:skip to main content|we gratefully acknowledge support\b|major funding support from\b|showing up to \d+ entries per page\b|(?:new|cross|replacement) submissions\b|(?:cross-lists|replacements) for\b|total of \d+ entries)/i;
const ARXIV_LISTING_ID = /^(?:\[\d{1,5}\]\s*)?arXiv:\s*\S+.{0,80}\[\s*(?:pdf|ps|html|other|src)\b[^\]]*\]/i;
const BARE_ID_OR_URL = /^(?:(?:arXiv:\s*)?\d{4}\.\d{4,5}(?:v\d+)?|(?:https?:\/\/|www\.)\S+|(?:github\.com|arxiv\.org|huggingface\.co)\/\S+)$/i;
const LABEL = /^(title|authors?|comments?|subjects?|journal-ref|doi|report-no|msc-class|acm-class)\s*:\s*(.*)$/i;
const NAME_PARTICLES = new Set([
  "de",
  "da",
  "di",
  "del",
  "della",
  "der",
  "den",
  "van",
  "von",
  "la",
  "le",
  "du",
  "dos",
  "das",
  "bin",
  "al",
  "el",
  "y",
  "te",
  "ten",
  "ter",
  "zu",
  "zur",
  "des",
  "dei",
  "degli",
]);
// Words that headline capitalisation leaves in lower case ("Learning to Reason with Tools").
const HEADLINE_LOWER = new Set([
  "a",
  "an",
  "the",
  "of",
  "for",
  "and",
  "or",
  "in",
  "on",
  "at",
  "to",
  "by",
  "vs",
  "&",
  "with",
  "from",
  "into",
  "onto",
  "over",
  "than",
  "that",
  "upon",
  "when",
  "without",
  "through",
  "versus",
  "via",
]);
/** A sentence's end: ".", "!", "?" or "…", then any closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’)\]]*$/;
// A lower-case word of three letters or more with a full stop, then a capitalised word: one sentence ends, the next starts.
const SENTENCE_INSIDE = /(?:^|\s)\p{Ll}{3,}\.\s+\p{Lu}/u;

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

/** Words in a whitespace-normalised line, counted without splitting it (a pasted line can be megabytes long). */
export function wordCount(line: string): number {
  if (line.length === 0) return 0;
  let count = 1;
  for (let at = line.indexOf(" "); at >= 0; at = line.indexOf(" ", at + 1)) count += 1;
  return count;
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

/** "Mar 12", "Mar 12, 2025", "12 Mar", "Tuesday, 12 March", "2025-03-12", arXiv's day headings → YYYY-MM-DD. */
export function parseDateLine(line: string, now: Date): string | undefined {
  if (line.length > 120) return undefined;
  const iso = ISO_DAY.exec(line);
  if (iso?.[1] && iso[2] && iso[3]) return calendarDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const arxiv = ARXIV_DAY_HEADING.exec(line);
  if (arxiv) return findDayMonthYear(arxiv[1] ?? arxiv[2] ?? "");
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

/** Which chrome a line is, or undefined for a line that may be paper text. */
/** arXiv's own id line, which opens each of a listing's entries: "[3] arXiv:2607.22529 [pdf, html, other]". */
export function isArxivListingIdLine(line: string): boolean {
  return ARXIV_LISTING_ID.test(line);
}

export function chromeKind(line: string): "card" | "opener" | "page" | undefined {
  // Chrome is short; testing a long paragraph against every pattern would only cost time.
  if (line.length > 300) return undefined;
  const bare = line.replace(/[\s:·•|]+$/, "").toLowerCase();
  const count = wordCount(line);
  if (/^submitted by\b/i.test(line) || isArxivListingIdLine(line)) return "opener";
  if (CARD_WORDS.has(bare) || /^[·•]/.test(line) || /^\d+\s+authors?$/i.test(line) || /^\d+(?:[.,]\d+)?\s?[km]$/i.test(line)) return "card";
  if (BARE_ID_OR_URL.test(line)) return "card";
  if (PAGE_WORDS.has(bare) || ARXIV_CHROME.test(line) || isMenuLine(bare)) return "page";
  if (/^by\s/.test(line) && count <= 12) return "page";
  if (/^(?:submitted|published|posted|added|updated)\s+(?:by|on)\b/i.test(line)) return "page";
  if (CALL_TO_ACTION.test(line) && count <= 12) return "page";
  if (SITE_CHROME.test(line) && line.endsWith("!")) return "page";
  if (/^[|–—-]/.test(line)) return "page";
  // Mostly digits and marks ("1 / 5", "· 28", "12:30") is chrome; a name such as "R1 3.0" has a word that starts with a letter.
  const letters = line.replace(/[^\p{L}]/gu, "").length;
  return letters * 2 < line.replace(/\s/g, "").length && !/(?:^|\s)\p{L}[\p{L}\d]/u.test(line) ? "page" : undefined;
}

/** An arXiv listing field, with its value. */
export function labelOf(line: string): { label: TLabel; value: string } | undefined {
  const m = LABEL.exec(line);
  if (!m?.[1]) return undefined;
  const name = m[1].toLowerCase().replace(/s$/, "");
  const label: TLabel =
    name === "title" ? "title" : name === "author" ? "authors" : name === "comment" ? "comments" : name === "subject" ? "subjects" : "other";
  return { label, value: m[2] ?? "" };
}

/** A plausible title: 1–40 words, not ending like a clause (period, comma, colon), not chrome. */
export function isTitleLine(line: string): boolean {
  if (line.length > 300 || /[.,;:]$/.test(line)) return false;
  const count = wordCount(line);
  return count >= 1 && count <= 40 && chromeKind(line) === undefined;
}

/** Headline capitalisation or a "Name: subtitle" colon — tells a title ("DINOv3", "Kimi K2") from an abstract's first line. */
export function looksStronglyLikeTitle(line: string): boolean {
  const all = words(line);
  if (!isTitleLine(line) || all.length > 25) return false;
  if (/^[^:]{2,60}:\s/.test(line)) return true;
  // A small word closing a sentence inside the line ("… with model. Scaling …") is prose that wrapped, whatever its capitals.
  if (SENTENCE_INSIDE.test(line)) return false;
  const long = all.filter((w) => /^\p{L}{4,}/u.test(w) && !HEADLINE_LOWER.has(w.toLowerCase()));
  if (long.length === 0) return all.every((w) => /^[\p{Lu}\d]/u.test(w) || HEADLINE_LOWER.has(w.toLowerCase())) && /\p{L}/u.test(line);
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / long.length >= 0.6;
}

/** Text that reads as prose: a sentence of two words or more, or a dozen words even without a final stop. */
export function readsLikeProse(text: string, count = wordCount(text)): boolean {
  return (count >= 2 && SENTENCE_END.test(text)) || count >= 12;
}

export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** A Hugging Face user name as it appears under "Submitted by": one token, no spaces. */
export function looksLikeUserName(line: string): boolean {
  return /^[\p{L}\d][\p{L}\d._-]{0,39}$/u.test(line);
}

function isNameLike(part: string): boolean {
  const tokens = words(part.replace(/^and\s+/, ""));
  if (tokens.length < 2 || tokens.length > 5) return false;
  return tokens.every((t) => /^\p{Lu}[\p{L}'’.-]*$/u.test(t) || NAME_PARTICLES.has(t.toLowerCase()));
}

/**
 * The names on the line under an entry's "Title:", which arXiv's listings print with no "Authors:" label: what authorLineNames reads, or,
 * on a line of its own (`alone`), one name ("Zhengyu Qi").
 */
export function bylineNames(line: string, alone: boolean): string[] | undefined {
  return authorLineNames(line) ?? (alone && isNameLike(line) ? [line] : undefined);
}

/**
 * `line` without its bracketed notes ("(1)", "(IPVF)", "((1) The University of Osaka, …)") and the spaces before them, each character
 * read once; a bracket glued to more of a name ("Richard (Yu)Liu") stays.
 */
function withoutNotes(line: string): string {
  const kept: string[] = [];
  const opens: number[] = [];
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i]!;
    kept.push(ch);
    if (ch === "(") opens.push(kept.length - 1);
    else if (ch === ")" && opens.length > 0) {
      const start = opens.pop()!;
      if (/\p{L}/u.test(line[i + 1] ?? "")) continue;
      kept.length = start;
      while (kept.length > 0 && /\s/.test(kept.at(-1)!)) kept.pop();
    }
  }
  return kept.join("");
}

/** A byline's part that reads as a name and not as a sentence: no word of it starts lower-case but a particle ("Michael te Vrugt"). */
function readsAsName(part: string): boolean {
  const words = part.split(/\s+/);
  return words.length <= 10 && /\p{L}/u.test(part) && words.every((word) => !/^[^\p{L}]*\p{Ll}/u.test(word) || NAME_PARTICLES.has(word.toLowerCase()));
}

/**
 * The line right under an entry's "Title:" in a listing of arXiv's own, where arXiv prints its byline: the names as arXiv links them,
 * the notes some authors write after a name going ("Shihao Zhang (1), … ((1) The University of Osaka, …)", "Philippe Baranek (IPVF)"),
 * "et al." and a "Jr." read as every source's lists are (splitAuthorList), a group's name before its members' its own ("Nanbeige Lab:
 * Chen Yang"). No names for arXiv's "(author list is unavailable)"; undefined for a line that reads as prose (an entry with no byline).
 */
export function listingBylineNames(line: string): string[] | undefined {
  const names = withoutNotes(line);
  if (names.trim() === "") return [];
  // A group's name heads its members' ("Nanbeige Lab: Chen Yang, …"), each a link of its own on arXiv's page.
  const parts = names.split(/:\s+/).flatMap(splitAuthorList);
  return parts.length > 0 && parts.every(readsAsName) ? parts : undefined;
}

/** "Authors: …", or a line that is nothing but "First Last, First Last and First Last". */
export function authorLineNames(line: string): string[] | undefined {
  const labelled = /^authors?:\s*(.+)$/i.exec(line);
  // An unlabelled line is only guessed to be names when it is short enough to be a byline.
  if (!labelled && line.length > 1000) return undefined;
  const body = (labelled?.[1] ?? line).replace(/,?\s*et al\.?$/i, "");
  const parts = body
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (labelled) return parts.length > 0 ? parts : undefined;
  return parts.length >= 2 && parts.every(isNameLike) ? parts : undefined;
}
