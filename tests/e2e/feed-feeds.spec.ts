// feed: RSS, Atom and JSON feeds (trending and search), the JSON API, sitemap and robots parse back and exclude hidden papers.
import * as cheerio from "cheerio";
import { expect, test } from "@playwright/test";

test("feed: trending RSS, Atom and JSON Feed parse back with the front page's papers", async ({ request }) => {
  const rss = await request.get("/feed.xml");
  expect(rss.headers()["content-type"]).toContain("application/rss+xml");
  const $rss = cheerio.load(await rss.text(), { xml: true });
  expect($rss("rss > channel > item").length).toBe(50);
  expect($rss("item > link").first().text()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/papers\/\d{4}\.\d{4,5}$/);

  const atom = await request.get("/atom.xml");
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  const $atom = cheerio.load(await atom.text(), { xml: true });
  expect($atom("feed > entry").length).toBe(50);
  expect($atom("entry > title").first().text()).toBe($rss("item > title").first().text());

  const json = await request.get("/feed.json");
  expect(json.headers()["content-type"]).toContain("application/feed+json");
  const feed = await json.json();
  expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
  expect(feed.items).toHaveLength(50);
  expect(feed.items[0].title).toBe($rss("item > title").first().text());
});

test("feed: search feeds follow the query and reject a bad parameter", async ({ request }) => {
  for (const path of ["/search/feed.xml", "/search/atom.xml"]) {
    const res = await request.get(`${path}?q=${encodeURIComponent("sparse attention")}`);
    expect(res.status()).toBe(200);
    const $ = cheerio.load(await res.text(), { xml: true });
    const titles = $("item > title, entry > title")
      .map((_, el) => $(el).text())
      .get();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.join(" ")).toMatch(/sparse/i);
  }
  const json = await (await request.get("/search/feed.json?q=agents&code=1")).json();
  expect(json.items.length).toBeGreaterThan(0);
  const bad = await request.get("/search/feed.xml?sort=best");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toContain('Invalid "sort"');
});

test("feed: the JSON API pages with cursors and explains bad parameters", async ({ request }) => {
  const first = await (await request.get("/api/papers?limit=5&sort=new")).json();
  expect(first.papers).toHaveLength(5);
  const second = await (await request.get(`/api/papers?limit=5&sort=new&cursor=${first.nextCursor}`)).json();
  const ids = [...first.papers, ...second.papers].map((p: { id: number }) => p.id);
  expect(new Set(ids).size).toBe(10);
  for (const [query, param] of [
    ["limit=0", "limit"],
    ["min=-1", "min"],
    ["code=yes", "code"],
    ["cursor=abc", "cursor"],
  ] as const) {
    const res = await request.get(`/api/papers?${query}`);
    expect(res.status()).toBe(400);
    expect((await res.json()).error.message).toContain(`"${param}"`);
  }
  const one = await request.get(`/api/papers/${first.papers[0].arxivId}`);
  expect((await one.json()).paper.title).toBe(first.papers[0].title);
  expect((await request.get("/api/papers/0000.00000")).status()).toBe(404);
});

test("feed: sitemap and robots are served", async ({ request }) => {
  const sitemap = await request.get("/sitemap.xml");
  const $ = cheerio.load(await sitemap.text(), { xml: true });
  const urls = $("url > loc")
    .map((_, el) => $(el).text())
    .get();
  expect(urls).toContain(`${new URL(sitemap.url()).origin}/papers/date/2026-06-12`);
  const listed = ((await (await request.get("/api/papers?limit=100&sort=new")).json()) as { papers: { arxivId: string | null }[] }).papers;
  const expected = listed.flatMap((p) => (p.arxivId ? [`${new URL(sitemap.url()).origin}/papers/${p.arxivId}`] : []));
  expect(expected.length).toBeGreaterThanOrEqual(67);
  expect(urls.filter((u) => /\/papers\/\d{4}\.\d{4,5}$/.test(u)).sort()).toEqual(expected.sort());
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/Sitemap: .*\/sitemap\.xml/);
});
