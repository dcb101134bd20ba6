// Control characters in what people type: none belongs in a search, a keyword or an id, and PostgreSQL's text cannot hold NUL at all
// (error 22021), so typed input carrying one is refused where it is parsed, and a pasted document loses only its NULs.

/**
 * C0 and C1 control characters other than tab, line feed and carriage return, which are only whitespace; and a lone UTF-16 surrogate
 * (a JSON `"\ud800"`), which no text encoding can store: PostgreSQL would have kept U+FFFD in its place, silently.
 */
const CONTROL_CHAR = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;

export const NO_CONTROL_CHARS = "must not contain control characters or lone surrogates";

export function hasControlChars(value: string): boolean {
  return CONTROL_CHAR.test(value);
}

/** Removes NUL, the one character PostgreSQL text refuses, and keeps every other character of a pasted document as it was. */
export function stripNul(value: string): string {
  return value.includes("\u0000") ? value.replaceAll("\u0000", "") : value;
}
