// Some sources give authors as one string ("A, B, C and D"); this splits it without breaking "Jr." suffixes.
import { normalizeWhitespace } from "@/core/text/normalize-whitespace";
import { decodeTexAccents } from "@/core/text/tex-accents";
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

/** "and " written inside a name's own link (`<a …>and Roberto Flammini</a>`, arXiv's data): the list's word, not the name's. */
const LEADING_AND = /^and\s+/;

/**
 * Every source's author names as they are stored (ResultBuilder.add): TeX accents decoded ("Jos\'e" → "José", as some of arXiv's feeds
 * write them), an "and" the list left at a name's start dropped, and a "name" with no letter in it (`<name> :</name>`) left out.
 */
export function authorNames(names: readonly string[]): string[] {
  return names.map((name) => normalizeWhitespace(decodeTexAccents(name)).replace(LEADING_AND, "")).filter((name) => /\p{L}/u.test(name));
}

/**
 * Whether a feed item's names, tidied as they are stored, name nobody (`<dc:creator></dc:creator>`, `<name> :</name>`). Every arXiv paper
 * has authors, so such an item lost them and is reported, not stored as a paper with no byline; a listing page's "(author list is
 * unavailable)" is arXiv saying so, and stays a paper.
 */
export function namesNobody(names: readonly string[]): boolean {
  return authorNames(names).length === 0;
}

/** A suffix written after a linked name, outside its link: `<a …>Martin King</a>, Jr.` */
const SUFFIX_AFTER_LINK = new RegExp(String.raw`^\s*,?\s*(${SUFFIX_WORD})(?=\s*(?:[,;(]|$))`, "i");

/**
 * What follows a link up to the next separator, when it is more of the name (`<a …>Richard</a> (Yu)Liu,`): not a note in parentheses
 * ("(1)", "(STAR Collaboration)", "(Technical University Vienna, Austria)"), "et al.", "and" or the ":" after a collaboration's name.
 */
function restOfName(text: string): string | undefined {
  const rest = normalizeWhitespace(text.split(/[,;]/, 1)[0] ?? "");
  // A note opens with its parenthesis (and may hold commas); a name's part in parentheses runs on into the name: "(Yu)Liu".
  if (rest.length === 0 || /^(?:and|et al)\b|^[:&]/i.test(rest) || (rest.startsWith("(") && !/^\([^()\s]+\)\p{L}/u.test(rest))) return undefined;
  return rest;
}

/**
 * The names of an author list whose names are links (arXiv's listing pages and its legacy feed), in order; what lies between the
 * links is punctuation and notes ("(STAR Collaboration)", "et al. (909 additional authors not shown)"), but for a name's suffix and
 * the rest of a name arXiv left outside its link.
 */
export function linkedAuthorNames(links: readonly TElement[]): string[] {
  const names: string[] = [];
  for (const link of links) {
    const name = textOf(link);
    if (name.length === 0) continue;
    const after = link.nextSibling?.type === "text" ? link.nextSibling.data : "";
    const suffix = SUFFIX_AFTER_LINK.exec(after)?.[1];
    const rest = suffix === undefined ? restOfName(after) : undefined;
    names.push(suffix !== undefined ? `${name}, ${suffix}` : rest !== undefined ? `${name}${/^\s/.test(after) ? " " : ""}${rest}` : name);
  }
  return names;
}
