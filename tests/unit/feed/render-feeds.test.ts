// RSS 2.0, Atom and JSON Feed 1.1 output parses back with every field, and hostile scraped text stays inert text.
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import type { TPaper } from "../../../src/core/paper";
import { escapeXml, toFeedItem } from "../../../src/server/feed/feed-item";
import { renderAtom, renderFeed, renderJsonFeed, renderRss } from "../../../src/server/feed/render-feeds";
import { feedResponse } from "../../../src/server/feed/serve-feed";
import { elementsIn, htmlFieldsOf, textOf } from "../../support/feed-reader";

const evil: TPaper = {
  id: 7,
  arxivId: "2606.00001",
  title: `<script>alert("x")</script> & <img src=x onerror=alert(1)>`,
  abstract: "Bad \u0001control\u0008 chars & <b>tags</b>",
  authors: ["Ada <Lovelace>", "Alan Turing"],
  listedOn: "2026-06-12",
  upvotes: 3,
  categories: [],
};
const plain: TPaper = { ...evil, id: 8, arxivId: null, title: "Plain", abstract: "Text", authors: [], publishedAt: "2026-06-11T08:00:00.000Z" };
const meta = { title: "T & co", description: "D", homeUrl: "https://pd.example/", feedUrl: "https://pd.example/feed.xml", updated: "2026-06-12T00:00:00.000Z" };
const items = [evil, plain].map((p) => toFeedItem(p, "https://pd.example"));

describe("feeds", () => {
  it("a feed's date is its newest item's, and an empty feed's is now, not 1970", async () => {
    const base = { title: meta.title, description: meta.description, homeUrl: meta.homeUrl, feedUrl: meta.feedUrl };
    const atom = async (papers: TPaper[]) =>
      cheerio.load(await feedResponse({ format: "atom", meta: base, papers, appUrl: "https://pd.example" }).text(), { xml: true });
    expect((await atom([plain, evil]))("feed > updated").text()).toBe("2026-06-12T00:00:00.000Z");
    const before = Date.now();
    const empty = new Date((await atom([]))("feed > updated").text()).getTime();
    expect(empty).toBeGreaterThanOrEqual(before - 1000);
    expect(empty).toBeLessThanOrEqual(Date.now());
  });

  it("RSS 2.0 parses back with titles, links, guids and dates", () => {
    const $ = cheerio.load(renderRss(meta, items), { xml: true });
    expect($("rss").attr("version")).toBe("2.0");
    expect($("channel > title").text()).toBe("T & co");
    const first = $("item").first();
    expect(first.find("title").text()).toBe(evil.title);
    expect(first.find("link").text()).toBe("https://pd.example/papers/2606.00001");
    expect(first.find("guid").attr("isPermaLink")).toBe("true");
    expect(new Date(first.find("pubDate").text()).toISOString()).toBe("2026-06-12T00:00:00.000Z");
    expect($("item").eq(1).find("link").text()).toBe("https://pd.example/papers/p-8");
    expect(textOf(first.find("description").text())).toBe("Bad control chars & <b>tags</b>");
  });

  it("Atom parses back with ids, authors and updated times", () => {
    const $ = cheerio.load(renderAtom(meta, items), { xml: true });
    expect($("feed").attr("xmlns")).toBe("http://www.w3.org/2005/Atom");
    expect($("feed > id").text()).toBe(meta.feedUrl);
    const entry = $("entry").first();
    expect(
      entry
        .find("author name")
        .map((_, el) => $(el).text())
        .get(),
    ).toEqual(["Ada <Lovelace>", "Alan Turing"]);
    expect(entry.find("title").text()).toBe(evil.title);
    expect($("entry").eq(1).find("updated").text()).toBe("2026-06-11T08:00:00.000Z");
    expect($("entry").eq(1).find("author name").text()).toBe("Unknown");
  });

  it("JSON Feed 1.1 has the required fields", () => {
    const feed = JSON.parse(renderJsonFeed(meta, items));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.items[0]).toMatchObject({
      id: "https://pd.example/papers/2606.00001",
      title: evil.title,
      external_url: "https://arxiv.org/abs/2606.00001",
      authors: [{ name: "Ada <Lovelace>" }, { name: "Alan Turing" }],
    });
    expect(feed.items[1].external_url).toBeUndefined();
  });

  it.each(["rss", "atom", "json"] as const)("%s: scraped <script> and javascript: links reach no reader as live markup", (format) => {
    const hostile: TPaper = {
      ...evil,
      title: `Pwn <script>alert(1)</script> <a href="javascript:alert(1)">x</a>`,
      abstract: `Abstract <script>alert(1)</script> and <a href="javascript:alert(1)">x</a> & <b>bold</b>`,
    };
    const body = renderFeed(format, meta, [toFeedItem(hostile, "https://pd.example")]);
    for (const html of htmlFieldsOf(format, body)) expect(elementsIn(html)).toEqual([]);
    if (format === "rss") {
      const $ = cheerio.load(body, { xml: true });
      expect(textOf($("item > description").text())).toBe(hostile.abstract);
      expect($("item > title").text()).toBe(hostile.title);
    }
  });

  it("escapes markup and drops characters XML forbids", () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});
