// Some sources give authors as one string ("A, B, C and D"); this splits it without breaking "Jr." suffixes.
import { normalizeWhitespace } from "@/core/text/normalize-whitespace";
import { textOf, type TElement } from "./dom";

/** A name's generational suffix ("Jr.", "III"), written once for both kinds of list. */
const SUFFIX_WORD = String.raw`(?:jr|sr|ii|iii|iv)\.?`;
const SUFFIX = new RegExp(`^${SUFFIX_WORD}$`, "i");

/** arXiv's note for a list cut short: "…, et al. (909 additional authors not shown)". It names nobody. */
const ET_AL = /(?:^|[,;]?\s+)et al\.?(?:\s*\(\d+ additional authors? not shown\))?\s*$/i;

export function splitAuthorList(text: string): string[] {
  const names: string[] = [];
  for (const raw of normalizeWhitespace(text)
    .replace(ET_AL, "")
    .split(/\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)) {
    const name = raw.trim();
    if (name.length === 0) continue;
    const last = names.length - 1;
    if (SUFFIX.test(name) && last >= 0) names[last] = `${names[last]}, ${name}`;
    else names.push(name);
  }
  return names;
}

/** A suffix written after a linked name, outside its link: `<a …>Martin King</a>, Jr.` */
const SUFFIX_AFTER_LINK = new RegExp(String.raw`^\s*,?\s*(${SUFFIX_WORD})(?=\s*(?:[,;(]|$))`, "i");

/**
 * The names of an author list whose names are links (arXiv's listing pages and its legacy feed), in order; what lies between the
 * links is punctuation and notes ("(STAR Collaboration)", "et al. (909 additional authors not shown)"), but for a name's suffix.
 */
export function linkedAuthorNames(links: readonly TElement[]): string[] {
  const names: string[] = [];
  for (const link of links) {
    const name = textOf(link);
    if (name.length === 0) continue;
    const after = link.nextSibling;
    const suffix = after?.type === "text" ? SUFFIX_AFTER_LINK.exec(after.data)?.[1] : undefined;
    names.push(suffix === undefined ? name : `${name}, ${suffix}`);
  }
  return names;
}
