// A title-only paper (e.g. from a copied trending page) is merged with its later arXiv listing by this key.

/** Lowercase, NFKD, no diacritics or punctuation, single spaces: "Héllo,  World!" → "hello world". */
export function titleKey(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
