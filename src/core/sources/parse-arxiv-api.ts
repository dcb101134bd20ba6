// Reads an arXiv API response (Atom, http://export.arxiv.org/api/query) into normalised papers.
import { readAtomEntry } from "./atom-entry";
import { namesNobody } from "./author-list";
import { utcDay, utcDayOf, toIsoInstant } from "./dates";
import { childText, descendantsNamed, type TElement } from "./dom";
import { stripShownMarkup } from "@/core/text/strip-markup";
import { cleanText, countOf } from "./field-values";
import type { TParseContext, TParseResult } from "./normalized-paper";
import { ResultBuilder, fatalResult, safely } from "./parse-result";
import { endsWithClosingTag, loadXmlFeed } from "./xml-feed";

function opensearch(feed: TElement, name: string): number | undefined {
  return countOf(childText(feed, name));
}

/** arXiv reports a bad query as a one-entry feed whose id points at /api/errors. */
function apiError(entries: TElement[]): string | undefined {
  if (entries.length !== 1 || entries[0] === undefined) return undefined;
  const entry = entries[0];
  const id = childText(entry, "id") ?? "";
  const title = childText(entry, "title") ?? "";
  if (!/api\/errors/i.test(id) && title !== "Error") return undefined;
  return childText(entry, "summary") ?? "unspecified error";
}

export function parseArxivApi(body: string, ctx: TParseContext): TParseResult {
  return safely("arxiv-api", body, ctx, (xml) => {
    const { root, rootName } = loadXmlFeed(xml);
    if (root === undefined || rootName !== "feed") {
      return fatalResult("arxiv-api", `not an Atom feed (root element: ${rootName ?? "none"})`);
    }
    if (!endsWithClosingTag(xml, "feed")) return fatalResult("arxiv-api", "feed is truncated (no closing </feed>)");

    // At any depth: an entry left unclosed would otherwise hide every entry after it inside itself.
    const entries = descendantsNamed(root, "entry");
    const error = apiError(entries);
    if (error !== undefined) return fatalResult("arxiv-api", `arXiv API error: ${error}`);
    // The daily feed's Atom flavour (rss.arxiv.org/atom) is Atom too, but its entries say "Announce Type" in the summary, which this
    // reader would keep as the abstract.
    // An empty one (a weekend's) has no entry to tell by, only the feed's own id.
    const dailyFeed = /^https?:\/\/rss\.arxiv\.org\//i.test(childText(root, "id") ?? "");
    if (dailyFeed || entries.some((entry) => childText(entry, "announce_type") !== undefined || /^oai:/i.test(childText(entry, "id") ?? ""))) {
      return fatalResult("arxiv-api", "arXiv's daily feed (rss.arxiv.org), not an API response: ingest it as the arxiv-rss source");
    }

    const result = new ResultBuilder("arxiv-api");
    const totalResults = opensearch(root, "totalResults");
    const startIndex = opensearch(root, "startIndex") ?? 0;
    const itemsPerPage = opensearch(root, "itemsPerPage");
    result.totalResults = totalResults;
    result.expected =
      totalResults !== undefined && itemsPerPage !== undefined ? Math.min(itemsPerPage, Math.max(0, totalResults - startIndex)) : entries.length;

    const fallbackDay = utcDay(ctx.now);
    entries.forEach((entry, index) => {
      const e = readAtomEntry(entry);
      result.item({ index, id: e.id?.id ?? e.idText }, () => {
        if (e.id === null) return `entry id "${(e.idText ?? "").slice(0, 60)}" is not an arXiv abs URL`;
        if (namesNobody(e.authors)) return "no author names in the entry's <author> elements";
        return {
          arxivId: e.id.id,
          version: e.id.version,
          title: e.title ?? "",
          // A paper's own record can hold markup (`Bi<sub>2</sub>O`, `&ndash;`), which the API escapes once: read as the feeds read it.
          abstract: stripShownMarkup(e.summary ?? ""),
          authors: e.authors,
          listedOn: utcDayOf(e.published) ?? utcDayOf(e.updated) ?? fallbackDay,
          publishedAt: toIsoInstant(e.published),
          categories: e.categories.length > 0 ? e.categories : undefined,
          primaryCategory: e.primaryCategory ?? e.categories[0],
          comments: cleanText(e.comment),
        };
      });
    });
    return result.done();
  });
}
