// Atom <entry> fields shared by the arXiv API and the Atom flavour of arXiv's RSS feed.
import { parseArxivId, type TArxivIdParts } from "@/core/text/arxiv-id";
import { normalizeWhitespace } from "@/core/text/normalize-whitespace";
import { attr, childText, childrenNamed, textOf, type TElement } from "./dom";

export type TAtomEntry = {
  idText: string | undefined;
  id: TArxivIdParts | null;
  links: string[];
  title: string | undefined;
  summary: string | undefined;
  authors: string[];
  categories: string[];
  primaryCategory: string | undefined;
  published: string | undefined;
  updated: string | undefined;
  comment: string | undefined;
  announceType: string | undefined;
};

export function readAtomEntry(entry: TElement): TAtomEntry {
  const idText = childText(entry, "id");
  const links = childrenNamed(entry, "link")
    .map((link) => attr(link, "href"))
    .filter((href): href is string => href !== undefined && href.length > 0);
  const absLink = links.find((href) => /\/abs\//.test(href));
  const id = (idText === undefined ? null : parseArxivId(idText)) ?? (absLink === undefined ? null : parseArxivId(absLink));
  const categories = childrenNamed(entry, "category")
    .map((c) => normalizeWhitespace(attr(c, "term") ?? textOf(c)))
    .filter((term) => term.length > 0);
  const primary = childrenNamed(entry, "primary_category")[0];
  const primaryTerm = primary === undefined ? "" : normalizeWhitespace(attr(primary, "term") ?? "");
  return {
    idText,
    id,
    links,
    title: childText(entry, "title"),
    summary: childText(entry, "summary") ?? childText(entry, "content"),
    authors: childrenNamed(entry, "author")
      .map((author) => childText(author, "name") ?? "")
      .filter((name) => name.length > 0),
    categories: [...new Set(categories)],
    primaryCategory: primaryTerm.length > 0 ? primaryTerm : undefined,
    published: childText(entry, "published"),
    updated: childText(entry, "updated"),
    comment: childText(entry, "comment"),
    announceType: childText(entry, "announce_type"),
  };
}
