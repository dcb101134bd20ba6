// One arXiv listing entry is a <dt> (id, cross-list/replaced marks) plus a <dd> (title, authors, subjects, …).
import { parseArxivId, type TArxivIdParts } from "@/core/text/arxiv-id";
import { linkedAuthorNames, namesNobody, splitAuthorList } from "./author-list";
import { stripShownMarkup } from "@/core/text/strip-markup";
import { attr, findAll, findFirst, hasClass, rawText, textOf, type TElement, type TReading } from "./dom";
import { cleanText } from "./field-values";
import { entryAnnounceType, idLineMarks, type TIdLineMarks, type TListingSection } from "./arxiv-announce-type";
import type { TPaperDraft } from "./parse-result";

export type TEntryMarks = TIdLineMarks & { id: TArxivIdParts | null; rawId: string | undefined };

export type TEntryContext = {
  listedOn: string;
  section: TListingSection;
  /** The listing's category or archive ("cs.CL", "cs"), to tell replaced cross-lists from replaced primaries. */
  listingCategory: string | undefined;
};

const SUBJECT = /([^;]*?)\s*\(([a-z][a-z-]*(?:\.[A-Za-z][A-Za-z-]*)?)\)/g;
const DESCRIPTOR = /^(?:Title|Authors?|Comments|Subjects|Journal-ref):\s*/i;

function idFromHref(href: string | undefined): TArxivIdParts | null {
  if (href === undefined) return null;
  const path = /\/(?:abs|pdf)\/([^?#\s]+)/.exec(href);
  return parseArxivId(path?.[1] ?? href);
}

/** Reads the <dt>: the id from the Abstract link (or the link's id / "arXiv:…" text) and the type marks. */
export function readDt(dt: TElement): TEntryMarks {
  const text = textOf(dt);
  let id: TArxivIdParts | null = null;
  for (const a of findAll(dt, (el) => el.name === "a")) {
    const href = attr(a, "href");
    if (attr(a, "title") === "Abstract" || /\/abs\//.test(href ?? "")) id = idFromHref(href) ?? parseArxivId(attr(a, "id") ?? "");
    if (id) break;
  }
  const textual = /arXiv:\s*(\S+)/i.exec(text);
  if (!id && textual?.[1]) id = parseArxivId(textual[1]);
  return { id, rawId: id?.id ?? textual?.[1], ...idLineMarks(text) };
}

// Each field is its own block; if a closing </div> goes missing, the next blocks end up nested inside
// the previous one, so field text never includes nested blocks (a title must not swallow the authors).
const NESTED_BLOCK = (el: TElement): boolean => el.name === "div" || el.name === "p" || el.name === "dl";

function byClass(dd: TElement, className: string): TElement | undefined {
  return findFirst(dd, (el) => hasClass(el, className));
}

const PLACEHOLDER = /^\s*this (?:https?|ftp) URL\s*$/i;

/**
 * arXiv's listing pages show every address written in an abstract or comment as a link reading "this https URL": the address is what
 * the authors wrote ("Code: https://github.com/…"), and the page holds it only in the link.
 */
const writtenAddress: TReading = (el) => (el.name === "a" && PLACEHOLDER.test(rawText(el)) ? attr(el, "href") : undefined);

function blockText(dd: TElement, className: string): string | undefined {
  const el = byClass(dd, className);
  return el === undefined ? undefined : cleanText(textOf(el, NESTED_BLOCK, writtenAddress).replace(DESCRIPTOR, ""));
}

/** The entry's names; none for arXiv's "(author list is unavailable)", undefined when the block names nobody and says nothing of why. */
function authorsOf(dd: TElement): string[] | undefined {
  const box = byClass(dd, "list-authors");
  if (box === undefined) return undefined;
  const linked = linkedAuthorNames(findAll(box, (el) => el.name === "a", NESTED_BLOCK));
  if (linked.length > 0) return linked;
  const plain = textOf(box, NESTED_BLOCK).replace(DESCRIPTOR, "");
  if (/author list is unavailable/i.test(plain)) return [];
  const names = splitAuthorList(plain);
  return namesNobody(names) ? undefined : names;
}

/** "Computation and Language (cs.CL); Machine Learning (cs.LG)" → each category's name and id: an arXiv Subjects line, in HTML or copied as text. */
export function subjectsOf(text: string | undefined): { name: string; category: string }[] {
  if (text === undefined) return [];
  return [...text.matchAll(SUBJECT)].flatMap((m) => (m[2] === undefined ? [] : [{ name: (m[1] ?? "").trim(), category: m[2] }]));
}

/** "Computation and Language (cs.CL); Machine Learning (cs.LG)" → ["cs.CL", "cs.LG"]. */
export function categoriesOf(text: string | undefined): string[] {
  return subjectsOf(text).map((s) => s.category);
}

function abstractOf(dd: TElement): string {
  const para = findFirst(dd, (el) => el.name === "p" && hasClass(el, "mathjax")) ?? findFirst(dd, (el) => el.name === "p");
  // arXiv escapes an abstract's markup twice on these pages, so it shows as text: read as its feeds' descriptions are read.
  return para === undefined ? "" : stripShownMarkup(textOf(para, undefined, writtenAddress));
}

/** The entry's title, or the start of its text when the title block is missing. */
export function entryTitle(dd: TElement): string {
  return blockText(dd, "list-title") ?? textOf(dd);
}

export function entryToDraft(marks: TEntryMarks, dd: TElement, ctx: TEntryContext): TPaperDraft | string {
  if (marks.id === null) return "no arXiv id in the entry's <dt>";
  // As for a feed's item (namesNobody): every arXiv paper has authors, so an entry that lost them is reported, not stored without a byline.
  const authors = authorsOf(dd);
  if (authors === undefined) return "no author names in the entry's list-authors block";
  const categories = categoriesOf(blockText(dd, "list-subjects"));
  const primaryCategory = categoriesOf(blockText(dd, "primary-subject"))[0] ?? categories[0];
  return {
    arxivId: marks.id.id,
    version: marks.id.version,
    title: blockText(dd, "list-title") ?? "",
    abstract: abstractOf(dd),
    authors,
    listedOn: ctx.listedOn,
    categories: categories.length > 0 ? categories : undefined,
    primaryCategory,
    announceType: entryAnnounceType(ctx.section, marks, primaryCategory, ctx.listingCategory),
    comments: blockText(dd, "list-comments"),
  };
}
