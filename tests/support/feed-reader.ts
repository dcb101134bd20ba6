// What a feed reader renders as HTML in each feed format, so tests can prove no scraped tag reaches one.
import * as cheerio from "cheerio";

export type TFeedBodyFormat = "rss" | "atom" | "json";

/**
 * The fields a reader treats as HTML: RSS 2.0 descriptions ("entity-encoded HTML is allowed"; titles and authors are plain
 * text, per the RSS Advisory Board), Atom text constructs typed html or xhtml, and JSON Feed's content_html.
 */
export function htmlFieldsOf(format: TFeedBodyFormat, body: string): string[] {
  if (format === "json") {
    const feed = JSON.parse(body) as { items: { content_html?: string }[] };
    return feed.items.flatMap((item) => (item.content_html === undefined ? [] : [item.content_html]));
  }
  const $ = cheerio.load(body, { xml: true });
  if (format === "rss") {
    return $("description")
      .map((_, el) => $(el).text())
      .get();
  }
  return $("[type=html], [type=xhtml]")
    .map((_, el) => ($(el).attr("type") === "xhtml" ? ($(el).html() ?? "") : $(el).text()))
    .get();
}

/** The elements a reader's HTML parser would build from one HTML field. */
export function elementsIn(html: string): string[] {
  const $ = cheerio.load(html, null, false);
  return $("*")
    .map((_, el) => ("name" in el ? el.name : el.type))
    .get();
}

/** The text a reader shows for one HTML field. */
export function textOf(html: string): string {
  return cheerio.load(html, null, false).text();
}
