// Scraped text arrives with hard wraps, tabs and stray control characters; this makes it one clean line.

const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/g;

/** Collapses every run of whitespace (including NBSP and line breaks) to one space and trims. */
export function normalizeWhitespace(input: string): string {
  return input.replace(CONTROL_CHARS, "").replace(/\s+/gu, " ").trim();
}
