// Tidies scraped text for email: strips control characters, collapses whitespace (titles from
// arXiv carry line breaks) and shortens titles, abstracts and author lists.

export function cleanText(text: string): string {
  return text
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Shortens to at most `max` characters with an ellipsis, on a word boundary when one is near.
 * Counts code points so an emoji or astral character is never cut in half.
 */
export function truncateText(text: string, max: number): string {
  const clean = cleanText(text);
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  const cut = chars.slice(0, Math.max(0, max - 1)).join("");
  const lastSpace = cut.lastIndexOf(" ");
  const base = lastSpace >= cut.length * 0.7 ? cut.slice(0, lastSpace) : cut;
  return `${base.replace(/[\s,;:.\-–—]+$/u, "")}…`;
}

/** "Ada Lovelace, Alan Turing, Grace Hopper et al." once there are more than `max` authors. */
export function shortAuthors(authors: readonly string[], max = 3): string {
  const names = authors.map(cleanText).filter((name) => name !== "");
  const limit = Math.max(1, Math.floor(max));
  if (names.length <= limit) return names.join(", ");
  return `${names.slice(0, limit).join(", ")} et al.`;
}
