// Scraped text arrives with hard wraps, tabs and stray control characters; this makes it one clean line.

/**
 * C0 and C1 controls (but the vertical tab and form feed, line breaks that become spaces: "Vertical\vtab" was "Verticaltab"),
 * zero-width spaces and byte-order marks; and the bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069), which carry no text: a title holding U+202E showed the rest of itself reversed on every page, in the mail's subject
 * (its "(+4 more)" too) and in the feeds.
 */
const CONTROL_CHARS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Collapses every run of whitespace (including NBSP and line breaks) to one space and trims. */
export function normalizeWhitespace(input: string): string {
  return input.replace(CONTROL_CHARS, "").replace(/\s+/gu, " ").trim();
}
