// feed: every list, paper page and search is served from the cache after its first view, variants included, ships no framework JS, stays
// light, and goes out compressed as the browser asks.
import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";

const KB = 1024;

test("feed: paper pages, period pages, filtered and sorted lists and search results are cache hits on the second request, with no framework JS", async ({
  request,
}) => {
  // A paper with an arXiv id: other specs ingest a title-only one, which may be on top.
  const papers = ((await (await request.get("/api/papers?limit=50")).json()) as { papers: { arxivId: string | null }[] }).papers.filter((p) => p.arxivId);
  const day = ((await (await request.get("/api/papers?limit=1&sort=new")).json()) as { papers: { listedOn: string }[] }).papers[0]!.listedOn;
  const [year, month] = day.split("-");
  const paths = [
    `/papers/${papers[0]!.arxivId}`,
    `/papers/date/${day}`,
    `/papers/date/${day}?sort=top&code=1`,
    `/papers/month/${year}-${month}`,
    "/?sort=new",
    "/?code=1&min=1",
    "/search?q=agents",
    "/search?q=agents&sort=new",
  ];
  for (const path of paths) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    expect(await first.text(), path).not.toMatch(/<script[^>]*\ssrc=/);
    const second = await request.get(path);
    expect(second.headers()["x-nextjs-cache"], path).toBe("HIT");
    expect(await second.text()).toBe(await first.text());
  }
  // The same filters spelled differently are one cache entry.
  const a = await request.get("/?code=1&sort=new");
  expect((await request.get("/?sort=new&code=1&utm_source=x")).headers()["x-nextjs-cache"]).toBe("HIT");
  expect(a.status()).toBe(200);
  // And so is one search: its filters canonical, its query trimmed.
  expect((await request.get("/search?sort=new&q=%20agents&utm_source=x")).headers()["x-nextjs-cache"]).toBe("HIT");
});

test("feed: a list, period or search variant whose query does not parse, or names no word to find, is a 400 saying so, every time, kept by no browser", async ({
  request,
}) => {
  const day = ((await (await request.get("/api/papers?limit=1&sort=new")).json()) as { papers: { listedOn: string }[] }).papers[0]!.listedOn;
  const bad = [
    ["/?min=abc", 'Invalid "min"'],
    ["/?sort=bogus&code=1", 'Invalid "sort"'],
    [`/papers/date/${day}?code=maybe`, 'Invalid "code"'],
    ["/search?q=agents&min=-5", 'Invalid "min"'],
    ["/search?q=a%00b", 'Invalid "q"'],
    ["/?cursor=zzz", 'Invalid "cursor"'],
    [`/papers/date/${day}?sort=new&cursor=zzz`, 'Invalid "cursor"'],
    // Refused by the database's reading of the query, not by its syntax: the page names its status from its cached props too.
    ["/search?q=-diffusion%20-model", "a search cannot only leave words out"],
  ] as const;
  for (const [path, message] of bad) {
    for (let i = 0; i < 2; i += 1) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
      expect(res.headers()["cache-control"], path).toBe("private, no-store");
      expect((await res.text()).replaceAll("&quot;", '"'), path).toContain(message);
    }
  }
  // The same page with a good query is the cached 200 it always was.
  expect((await request.get("/?min=1")).status()).toBe(200);
});

test("feed: a refused search asked many times at once is a 400 for every request, not only the one whose render the others waited for", async ({ request }) => {
  // Next renders a page once for requests that arrive together; the others get its result without a render or a cache read of their own.
  const path = `/search?q=${encodeURIComponent(`-diffusion -together${Date.now()}`)}`;
  const answers = await Promise.all(Array.from({ length: 12 }, () => request.get(path)));
  expect(answers.map((res) => res.status())).toEqual(answers.map(() => 400));
  expect(answers.map((res) => res.headers()["cache-control"])).toEqual(answers.map(() => "private, no-store"));
  expect(answers.map((res) => res.headers().etag)).toEqual(answers.map(() => undefined));
  // HEAD too, now that it is answered as its GET.
  expect((await request.head(path)).status()).toBe(400);
});

test("feed: a day's page holds a page of papers, not the whole day, and stays light", async ({ request }) => {
  const day = ((await (await request.get("/api/papers?limit=1&sort=new")).json()) as { papers: { listedOn: string }[] }).papers[0]!.listedOn;
  const html = await (await request.get(`/papers/date/${day}`)).text();
  expect(html.match(/data-testid="paper-card"/g)!.length).toBeLessThanOrEqual(30);
  expect(html.length).toBeLessThan(400 * KB);
});

/** The raw answer, undecoded: Playwright's request context decodes bodies itself. */
function rawGet(url: string, acceptEncoding: string): Promise<{ headers: http.IncomingHttpHeaders; raw: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": acceptEncoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, raw: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

test("feed: a cached page is sent compressed as the browser asks, the same bytes each time; an App Router page is compressed as it streams", async ({
  baseURL,
}) => {
  await rawGet(`${baseURL}/`, "br");
  const [first, second] = [await rawGet(`${baseURL}/`, "gzip, deflate, br"), await rawGet(`${baseURL}/`, "gzip, deflate, br")];
  expect(first.headers["content-encoding"]).toBe("br");
  expect(second.raw.equals(first.raw)).toBe(true);
  expect(Number(second.headers["content-length"])).toBe(second.raw.length);
  expect(second.headers.vary).toMatch(/accept-encoding/i);
  const html = zlib.brotliDecompressSync(second.raw).toString("utf8");
  expect(html).toMatch(/^<!DOCTYPE html>/i);
  const gzip = await rawGet(`${baseURL}/`, "gzip");
  expect(gzip.headers["content-encoding"]).toBe("gzip");
  expect(zlib.gunzipSync(gzip.raw).toString("utf8")).toBe(html);
  const plain = await rawGet(`${baseURL}/`, "identity");
  expect(plain.headers["content-encoding"]).toBeUndefined();
  expect(plain.raw.toString("utf8")).toBe(html);
  const login = await rawGet(`${baseURL}/admin/login`, "gzip");
  expect(login.headers["content-encoding"]).toBe("gzip");
  expect(zlib.gunzipSync(login.raw).toString("utf8")).toContain("</html>");
});
