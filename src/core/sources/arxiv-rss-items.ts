// Reads one item of each flavour of arXiv's feed: RSS 2.0 (2024+), its Atom twin, and legacy RSS 1.0/RDF.
import { load } from "cheerio/slim";
import { normalizeWhitespace } from "@/core/text/normalize-whitespace";
import { stripMarkup, stripShownMarkup } from "@/core/text/strip-markup";
import { readAtomEntry } from "./atom-entry";
import { linkedAuthorNames, splitAuthorList } from "./author-list";
import { attr, childRawText, childText, childrenNamed, rawText, textOf, type TElement } from "./dom";
import { ANNOUNCE_TYPES, insideListing, type TAnnounceType } from "./normalized-paper";

/** What every flavour yields before normalisation. */
export type TFeedItem = {
  idCandidates: string[];
  title: string | undefined;
  description: string;
  authors: string[];
  categories: string[];
  announceType: TAnnounceType | undefined;
  date: string | undefined;
};

// "arXiv:2403.15527v1 Announce Type: new \nAbstract: …" opens every 2024+ description.
const DESCRIPTION_PREFIX = /^\s*arXiv:\s*(\S+?)\s+Announce Type:\s*([\w-]+)\s*(?:Abstract:\s*)?/i;
// Legacy titles end with "(arXiv:2306.00001v2 [cs.CL] UPDATED)" or "... CROSS LISTED)".
const LEGACY_TITLE_SUFFIX = /\.?\s*\(arXiv:\s*([^\s)\]]+)\s*(?:\[([^\]]*)\])?\s*([A-Z ]*)\)\s*$/;

function toAnnounceType(value: string | undefined): TAnnounceType | undefined {
  const v = value?.trim().toLowerCase();
  return ANNOUNCE_TYPES.find((t) => t === v);
}

/** Splits "arXiv:ID Announce Type: T Abstract: text" into its parts; text without the prefix is all abstract. */
export function splitDescription(description: string): { id?: string; announceType?: TAnnounceType; abstract: string } {
  const m = DESCRIPTION_PREFIX.exec(description);
  const rest = m ? description.slice(m[0].length) : description;
  const abstract = stripShownMarkup(rest);
  return m ? { id: m[1], announceType: toAnnounceType(m[2]), abstract } : { abstract };
}

function texts(item: TElement, name: string): string[] {
  return childrenNamed(item, name)
    .map((el) => textOf(el))
    .filter((t) => t.length > 0);
}

/**
 * The authors in a creator field: the linked names when it is arXiv's HTML (the legacy feed's `<a href=…>LHCb collaboration</a>: <a
 * href=…>R. Aaij</a>, et al. (909 additional authors not shown)`, where the text between the links is punctuation and notes, as on
 * a listing page), otherwise the names of a one-string list.
 */
function creatorAuthors(raw: string): string[] {
  if (/<a\b/i.test(raw)) {
    const linked = linkedAuthorNames(load(raw, null, false)("a").toArray());
    if (linked.length > 0) return linked;
  }
  return splitAuthorList(stripShownMarkup(raw));
}

export function readRss2Item(item: TElement): TFeedItem {
  return {
    idCandidates: [childText(item, "guid"), childText(item, "link")].filter((s): s is string => s !== undefined),
    title: childText(item, "title"),
    description: childRawText(item, "description") ?? childRawText(item, "encoded") ?? "",
    authors: childrenNamed(item, "creator").flatMap((el) => creatorAuthors(rawText(el))),
    categories: [...new Set(texts(item, "category"))],
    announceType: toAnnounceType(childText(item, "announce_type")),
    date: childText(item, "pubDate") ?? childText(item, "date"),
  };
}

export function readAtomItem(entry: TElement): TFeedItem {
  const e = readAtomEntry(entry);
  return {
    idCandidates: [e.idText, ...e.links].filter((s): s is string => s !== undefined && s.length > 0),
    title: e.title,
    description: childRawText(entry, "summary") ?? childRawText(entry, "content") ?? "",
    authors: e.authors.length > 0 ? e.authors : childrenNamed(entry, "creator").flatMap((el) => creatorAuthors(rawText(el))),
    categories: e.categories,
    announceType: toAnnounceType(e.announceType),
    date: e.published ?? e.updated,
  };
}

/**
 * Pre-2024 RSS 1.0: the type, version and primary category hide in the title suffix, description and authors are HTML. `feedCategory`
 * is the feed's own ("hep-ex"): an UPDATED paper whose primary lies outside it was listed as a cross-list, which the suffix does not say.
 */
export function readRdfItem(item: TElement, feedCategory: string | undefined): TFeedItem {
  const rawTitle = childText(item, "title") ?? "";
  const suffix = LEGACY_TITLE_SUFFIX.exec(rawTitle);
  const flags = suffix?.[3] ?? "";
  const primary = suffix?.[2]?.trim();
  const announceType: TAnnounceType | undefined = /UPDATED/.test(flags)
    ? /CROSS/.test(flags) || !insideListing(primary, feedCategory)
      ? "replace-cross"
      : "replace"
    : /CROSS/.test(flags)
      ? "cross"
      : suffix
        ? "new"
        : undefined;
  return {
    idCandidates: [suffix?.[1], attr(item, "rdf:about"), childText(item, "link")].filter((s): s is string => s !== undefined && s.length > 0),
    title: suffix ? normalizeWhitespace(rawTitle.slice(0, suffix.index)) : rawTitle,
    description: stripMarkup(childRawText(item, "description") ?? ""),
    authors: childrenNamed(item, "creator").flatMap((el) => creatorAuthors(rawText(el))),
    categories: primary ? [primary] : [],
    announceType,
    date: childText(item, "date"),
  };
}
