// The few characters a paper's placeholder shows when it has no stored thumbnail: its primary category, or else its title's initials.

const SMALL_WORDS = new Set(["a", "an", "the", "of", "on", "for", "and", "in", "to", "with", "via", "from", "at", "by"]);

/** "cs.CL" for a paper with a category; "LM" for "Large Models, Small Budgets"; "?" for a title without a letter or digit. */
export function placeholderLabel(paper: { title: string; primaryCategory?: string | null; categories?: string[] }): string {
  const category = paper.primaryCategory ?? paper.categories?.[0];
  if (category && category.length <= 12) return category;
  const words = paper.title.match(/[\p{L}\p{N}]+/gu) ?? [];
  const significant = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  const initials = (significant.length ? significant : words)
    .slice(0, 2)
    .map((w) => [...w][0]!.toUpperCase())
    .join("");
  return initials || "?";
}
