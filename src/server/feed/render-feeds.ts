// Serializes a list of papers as RSS 2.0, Atom 1.0 or JSON Feed 1.1; every text field is escaped.
import { escapeHtml } from "@/core/digest";
import { escapeXml, type TFeedItem, type TFeedMeta } from "./feed-item";

export type TFeedFormat = "rss" | "atom" | "json";

export const FEED_CONTENT_TYPES: Record<TFeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

/**
 * Readers render an RSS description as HTML, so text goes in HTML-escaped, then XML-escaped: scraped markup arrives as
 * text. Titles and authors are plain text in RSS (as Atom's type="text" and JSON Feed's content_text say outright).
 */
const rssHtml = (text: string) => escapeXml(escapeHtml(text));

export function renderRss(meta: TFeedMeta, items: TFeedItem[]): string {
  const entries = items.map(
    (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.url)}</link>
      <guid isPermaLink="true">${escapeXml(item.id)}</guid>
      <pubDate>${new Date(item.published).toUTCString()}</pubDate>
      <dc:creator>${escapeXml(item.authors.join(", "))}</dc:creator>
      <description>${rssHtml(item.summary)}</description>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${escapeXml(meta.title)}</title>
    <link>${escapeXml(meta.homeUrl)}</link>
    <description>${rssHtml(meta.description)}</description>
    <language>en</language>
    <lastBuildDate>${new Date(meta.updated).toUTCString()}</lastBuildDate>
    <atom:link href="${escapeXml(meta.feedUrl)}" rel="self" type="application/rss+xml"/>
${entries.join("\n")}
  </channel>
</rss>
`;
}

export function renderAtom(meta: TFeedMeta, items: TFeedItem[]): string {
  const entries = items.map(
    (item) => `  <entry>
    <title>${escapeXml(item.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>
    <id>${escapeXml(item.id)}</id>
    <updated>${new Date(item.published).toISOString()}</updated>
${(item.authors.length ? item.authors : ["Unknown"]).map((name) => `    <author><name>${escapeXml(name)}</name></author>`).join("\n")}
    <summary type="text">${escapeXml(item.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escapeXml(meta.title)}</title>
  <subtitle>${escapeXml(meta.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${escapeXml(meta.homeUrl)}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(meta.feedUrl)}"/>
  <id>${escapeXml(meta.feedUrl)}</id>
  <updated>${new Date(meta.updated).toISOString()}</updated>
${entries.join("\n")}
</feed>
`;
}

export function renderJsonFeed(meta: TFeedMeta, items: TFeedItem[]): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: meta.title,
    description: meta.description,
    home_page_url: meta.homeUrl,
    feed_url: meta.feedUrl,
    language: "en",
    items: items.map((item) => ({
      id: item.id,
      url: item.url,
      ...(item.externalUrl ? { external_url: item.externalUrl } : {}),
      title: item.title,
      content_text: item.summary,
      date_published: new Date(item.published).toISOString(),
      authors: item.authors.map((name) => ({ name })),
      ...(item.image ? { image: item.image } : {}),
    })),
  });
}

export function renderFeed(format: TFeedFormat, meta: TFeedMeta, items: TFeedItem[]): string {
  if (format === "rss") return renderRss(meta, items);
  if (format === "atom") return renderAtom(meta, items);
  return renderJsonFeed(meta, items);
}
