// Reads arXiv's daily feeds (rss.arxiv.org/rss|atom/<cat>, and the legacy RDF feed) into normalised papers.
import { parseArxivId, type TArxivIdParts } from "@/core/text/arxiv-id";
import { readAtomItem, readRdfItem, readRss2Item, splitDescription, type TFeedItem } from "./arxiv-rss-items";
import { namesNobody } from "./author-list";
import { utcDay, utcDayOf } from "./dates";
import { childText, childrenNamed, descendantsNamed, type TElement } from "./dom";
import { cleanText } from "./field-values";
import type { TParseContext, TParseResult } from "./normalized-paper";
import { ResultBuilder, fatalResult, safely, type TPaperDraft } from "./parse-result";
import { endsWithClosingTag, loadXmlFeed } from "./xml-feed";

type TFeedLayout = {
  items: TElement[];
  read: (item: TElement) => TFeedItem;
  feedDate: string | undefined;
  /** Item count the feed announces itself (RDF's rdf:Seq); otherwise the number of items present. */
  announced: number | undefined;
};

// Items are looked for at any depth: an item left unclosed would otherwise hide every item after it inside itself.
function layoutOf(root: TElement, rootName: string): TFeedLayout | string {
  if (rootName === "rss") {
    const channel = childrenNamed(root, "channel")[0];
    if (channel === undefined) return "RSS document has no <channel>";
    const feedDate = childText(channel, "pubDate") ?? childText(channel, "lastBuildDate") ?? childText(channel, "date");
    return { items: descendantsNamed(root, "item"), read: readRss2Item, feedDate, announced: undefined };
  }
  if (rootName === "feed") {
    if (childText(root, "totalResults") !== undefined) {
      return "an arXiv API response (export.arxiv.org/api), not a daily feed: ingest it as the arxiv-api source";
    }
    return { items: descendantsNamed(root, "entry"), read: readAtomItem, feedDate: childText(root, "updated"), announced: undefined };
  }
  if (rootName === "rdf") {
    const channel = childrenNamed(root, "channel")[0];
    const seq = channel === undefined ? [] : descendantsNamed(channel, "li");
    // "hep-ex updates on arXiv.org"
    const feedCategory = /^(\S+)\s+updates on arXiv/i.exec(channel === undefined ? "" : (childText(channel, "title") ?? ""))?.[1];
    return {
      items: descendantsNamed(root, "item"),
      read: (item) => readRdfItem(item, feedCategory),
      feedDate: channel === undefined ? undefined : childText(channel, "date"),
      announced: seq.length > 0 ? seq.length : undefined,
    };
  }
  return `not an arXiv RSS/Atom feed (root element: ${rootName})`;
}

/** The first parseable id, with a version from whichever spelling carries one (guid, description). */
function idOf(candidates: (string | undefined)[]): TArxivIdParts | null {
  let found: TArxivIdParts | null = null;
  for (const candidate of candidates) {
    const parsed = candidate === undefined ? null : parseArxivId(candidate);
    if (parsed === null) continue;
    if (found === null) found = parsed;
    else if (found.version === undefined && parsed.id === found.id && parsed.version !== undefined) found = parsed;
  }
  return found;
}

function toDraft(item: TFeedItem, fallbackDay: string): TPaperDraft | string {
  const description = splitDescription(item.description);
  const id = idOf([...item.idCandidates, description.id]);
  if (id === null) return "no arXiv id in guid, link or description";
  if (namesNobody(item.authors)) return "no author names in the item (dc:creator or author)";
  return {
    arxivId: id.id,
    version: id.version,
    title: cleanText(item.title) ?? "",
    abstract: description.abstract,
    authors: item.authors,
    listedOn: utcDayOf(item.date) ?? fallbackDay,
    categories: item.categories.length > 0 ? item.categories : undefined,
    // arXiv lists the primary category first in every feed flavour.
    primaryCategory: item.categories[0],
    announceType: item.announceType ?? description.announceType,
  };
}

export function parseArxivRss(body: string, ctx: TParseContext): TParseResult {
  return safely("arxiv-rss", body, ctx, (xml) => {
    const { root, rootName } = loadXmlFeed(xml);
    if (root === undefined || rootName === undefined) return fatalResult("arxiv-rss", "not an XML feed");
    const layout = layoutOf(root, rootName);
    if (typeof layout === "string") return fatalResult("arxiv-rss", layout);
    if (!endsWithClosingTag(xml, rootName)) return fatalResult("arxiv-rss", `feed is truncated (no closing root tag)`);

    const result = new ResultBuilder("arxiv-rss");
    // A weekend or holiday feed has a channel and no items: a quiet day, not an error.
    result.expected = layout.announced ?? layout.items.length;
    const fallbackDay = utcDayOf(layout.feedDate) ?? utcDay(ctx.now);
    layout.items.forEach((el, index) => {
      const item = layout.read(el);
      result.item({ index, id: idOf(item.idCandidates)?.id ?? item.idCandidates[0] }, () => toDraft(item, fallbackDay));
    });
    return result.done();
  });
}
