// A search result's highlights: its title, and a window of its abstract around the first match, with the words the search matches
// marked as PostgreSQL's ts_headline marked them. Made here, not in the database, where they were half of a search's time.
import { lexemeOf } from "./english-lexemes";
import { queryLexemes } from "./read-tsquery";

/** Marks around a matched word; the page's HighlightedText turns them into <mark>. */
const MATCH_START = "\u0002";
const MATCH_STOP = "\u0003";

/**
 * Tokens as PostgreSQL's default parser reads them, in the forms titles and abstracts hold, tried in this order at each position:
 * - an address (scheme://… up to a space or backslash, or an email), never matched;
 * - a number with dots (3.5, -3.1);
 * - words and numbers joined by dots or slashes, with any hyphens after (e.g, U.S, v1.2.3, input/output, Qwen2.5-7B), or after a
 *   tilde (Task~B reads Task and ~B), matched whole;
 * - a hyphenated word whose parts all hold a letter (vision-language, GPT-4o): each part a token, as ts_headline marks them;
 * - a hyphen before digits, a sign (gpt-4 reads gpt and -4);
 * - a run of letters and digits.
 * What lies between tokens is copied as it is. A scheme, an email's name and a hyphenated word have bounded lengths, so no position
 * is read more than a bounded number of times over: a hostile title (a hundred thousand characters of `a1-1-`) is read in linear time.
 */
const ADDRESS = String.raw`[a-z][a-z0-9+.\-]{0,31}:\/\/[^\s\\]*|[\p{L}\p{N}][\p{L}\p{N}._%+\-]{0,63}@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`;
const DECIMAL = String.raw`-?\p{N}+(?:\.\p{N}+)+`;
const JOINED = String.raw`~?[\p{L}\p{N}]+(?:[./][\p{L}\p{N}]+)+(?:[\-./][\p{L}\p{N}]+)*|~[\p{L}\p{N}]+`;
const HYPHENATED = String.raw`[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+){1,15}`;
const SIGNED = String.raw`-\p{N}+`;
const RUN = String.raw`[\p{L}\p{N}]+`;
/** A run followed by nothing another alternative could continue with: most tokens, read once instead of tried by every alternative. */
const PLAIN_RUN = String.raw`[\p{L}\p{N}]+(?![\p{L}\p{N}\-./~@:_%+])`;
/** One pattern, so the engine skips what lies between tokens; alternatives match in the order above. Group 1 is an address, 2 a hyphenated word. */
const TOKEN = new RegExp(`${PLAIN_RUN}|(${ADDRESS})|${DECIMAL}|${JOINED}|(${HYPHENATED})|${SIGNED}|${RUN}`, "giu");
/**
 * The same pattern for text of ASCII characters only, where \p{L} is A-Za-z and \p{N} is 0-9 (every \p{L} stands beside \p{N} in a
 * class, every lone \p{N} outside one): Unicode property classes cost a table lookup per character, and the highlighter of a page of
 * 20 results took 1.15 ms with them against 0.45 ms (the generated benchmark papers, whose windows are ASCII once their ellipses are
 * left out).
 */
const ASCII_TOKEN = new RegExp(TOKEN.source.replaceAll(String.raw`\p{L}\p{N}`, "A-Za-z0-9").replaceAll(String.raw`\p{N}`, "[0-9]"), "gi");
// Without the u flag a class left unreplaced would read as the letters "p{L}": a pattern edited past these rules must fail loudly.
if (ASCII_TOKEN.source.includes(String.raw`\p{`)) throw new Error("the ASCII token pattern still holds a Unicode property class");
const ASCII = /^[\x00-\x7f]*$/;
const DIGITS = /^\p{N}+$/u;

/** Calls `visit` with each token of `text` and where it starts, in order; addresses are left out, as they never match. */
function eachToken(text: string, visit: (token: string, at: number) => void): void {
  // One of two patterns, restarted: compiling a copy per text cost more than reading it.
  const token = ASCII.test(text) ? ASCII_TOKEN : TOKEN;
  token.lastIndex = 0;
  for (let match = token.exec(text); match !== null; match = token.exec(text)) {
    const at = match.index;
    if (match[1] !== undefined) continue;
    const hyphenated = match[2];
    if (hyphenated === undefined) {
      visit(match[0], at);
      continue;
    }
    const parts = hyphenated.split("-");
    // A part of digits alone makes it no hyphenated word: its first part is a token, and the rest is read again from the hyphen.
    if (parts.some((part) => DIGITS.test(part))) {
      visit(parts[0]!, at);
      token.lastIndex = at + parts[0]!.length;
      continue;
    }
    let partAt = at;
    for (const part of parts) {
      visit(part, partAt);
      partAt += part.length + 1;
    }
  }
}

/** What a search marks: its lexemes, and the first characters its tokens can start with (a stem keeps its word's first letter). */
type TMatcher = { lexemes: ReadonlySet<string>; initials: ReadonlySet<string> };

function matcherOf(lexemes: ReadonlySet<string>): TMatcher {
  const initials = new Set([...lexemes].flatMap((lexeme) => [lexeme.charAt(0), lexeme.charAt(0).toUpperCase()]));
  return { lexemes, initials };
}

/** `text` with every token whose lexeme is one of the search's between MATCH_START and MATCH_STOP. */
function mark(text: string, { lexemes, initials }: TMatcher): string {
  if (lexemes.size === 0) return text;
  let marked = "";
  let copied = 0;
  eachToken(text, (token, at) => {
    // Most tokens are ruled out by their first character, without a lexeme ("dying" → "die").
    if (!initials.has(token.charAt(0))) return;
    const lexeme = lexemeOf(token);
    if (lexeme === null || !lexemes.has(lexeme)) return;
    marked += `${text.slice(copied, at)}${MATCH_START}${token}${MATCH_STOP}`;
    copied = at + token.length;
  });
  return marked + text.slice(copied);
}

/** The abstract's highlighted window: about three lines, starting a little before its first match. */
const WINDOW_CHARS = 400;
const WINDOW_LEAD = 120;

/**
 * The window of `abstract` a result's card shows: from a little before the first place a lexeme occurs as a substring (`firstLexeme`,
 * case-insensitive: a stem is usually a prefix of the word it came from, no parsing needed), or from the start. A cut end loses its
 * partial word and shows an ellipsis.
 */
function abstractWindow(abstract: string, firstLexeme: RegExp | null): { text: string; cutStart: boolean; cutEnd: boolean } {
  const first = firstLexeme?.exec(abstract)?.index;
  const start = first === undefined ? 0 : Math.max(0, first - WINDOW_LEAD);
  const cutEnd = start + WINDOW_CHARS < abstract.length;
  let text = abstract.slice(start, start + WINDOW_CHARS);
  if (start > 0) text = text.replace(/^\S*\s+/, "");
  if (cutEnd) text = text.replace(/\s+\S*$/, "");
  return { text, cutStart: start > 0, cutEnd };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

type THighlight = { title: string; abstract: string };

/**
 * The highlighter of one search, whose tsquery PostgreSQL printed as `tsquery`: for each result, the title whole and the abstract's
 * window, marked. Made once per page of results.
 */
export function highlighterFor(tsquery: string): (paper: { title: string; abstract: string }) => THighlight {
  const lexemes = queryLexemes(tsquery);
  const matcher = matcherOf(lexemes);
  const firstLexeme = lexemes.size > 0 ? new RegExp([...lexemes].map(escapeRegExp).join("|"), "i") : null;
  return (paper) => {
    const window = abstractWindow(paper.abstract, firstLexeme);
    // The ellipses go around the marked window, so a window of ASCII text is read with the ASCII pattern.
    const abstract = `${window.cutStart ? "… " : ""}${mark(window.text, matcher)}${window.cutEnd ? " …" : ""}`;
    return { title: mark(paper.title, matcher), abstract };
  };
}
