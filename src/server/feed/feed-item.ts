// The entry shape the RSS, Atom and JSON feeds share, built from papers with absolute links.
import { arxivAbsUrl, paperPath } from "@/core/digest/paper-links";
import type { TPaper } from "@/core/paper";

export type TFeedItem = {
  id: string;
  url: string;
  title: string;
  summary: string;
  authors: string[];
  published: string;
  externalUrl: string | null;
  image: string | null;
};

export type TFeedMeta = { title: string; description: string; homeUrl: string; feedUrl: string; updated: string };

/** Removes characters XML 1.0 forbids (scraped text sometimes carries them). */
function stripInvalidXmlChars(text: string): string {
  return text.replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
}

export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text).replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] ?? c);
}

export function toFeedItem(paper: TPaper, appUrl: string): TFeedItem {
  const url = `${appUrl}${paperPath(paper)}`;
  return {
    id: url,
    url,
    title: paper.title,
    summary: paper.abstract,
    authors: paper.authors,
    published: paper.publishedAt ?? `${paper.listedOn}T00:00:00.000Z`,
    externalUrl: arxivAbsUrl(paper.arxivId),
    // Our stored copy, as on the pages: a feed reader never hot-links the source's CDN.
    image: paper.thumbnail ? `${appUrl}${paper.thumbnail.src}` : null,
  };
}
