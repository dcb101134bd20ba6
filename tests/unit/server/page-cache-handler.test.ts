// The page cache's budgets: pages made from a query string cannot evict the feed's own pages, pages asked again outlast those asked once, and a
// feed change drops everything, a render that began before it included; a page refused for its request keeps its status.
import { beforeEach, describe, expect, it } from "vitest";
import PageCacheHandler from "../../../src/server/cache/page-cache-handler";
import { PAPERS_TAG } from "../../../src/server/feed/cache-tags";

// Without a database the handler is a plain memory cache (no change listener).
delete process.env.DATABASE_URL;
const cache = new PageCacheHandler();
const KB = 1024;
/** A page's key as Next makes it; data entries are keyed by a hash. */
const key = (path: string) => `/route-cache/PAGES/9a8cb61f2f6518bf6610e06682ad3e0a5f3e7db81ec361568097d9b62c5450ff/$${path}`;
const page = (kb: number) => ({ kind: "PAGES", html: "x".repeat(kb * KB), pageData: {} });

/** Stores `value` as Next does: a lookup that misses, then the rendered result. */
async function render(entry: string, kb: number): Promise<void> {
  await cache.get(entry);
  await cache.set(entry, page(kb));
}

async function held(keys: string[]): Promise<number> {
  let n = 0;
  for (const entry of keys) if (await cache.get(entry)) n += 1;
  return n;
}

beforeEach(async () => {
  await cache.revalidateTag(PAPERS_TAG);
});

describe("page cache handler", () => {
  it("keeps every paper and period page while a flood of search, filter and preview variants and data entries churns its own budget", async () => {
    const pages = [
      "/index",
      "/subscribe",
      "/search",
      "/papers/date/2026-11-30",
      ...Array.from({ length: 200 }, (_, i) => `/papers/2611.${String(i).padStart(5, "0")}`),
    ].map(key);
    for (const entry of pages) await render(entry, 20);
    const flood = Array.from(
      { length: 3000 },
      (_, i) =>
        [
          key(`/search/results/q${i}`),
          key(`/trending/f${i}`),
          key(`/subscribe/preview/p${i}`),
          key(`/papers/date/2026-11-30/v${i}`),
          i.toString(16).padStart(64, "0"),
        ][i % 5]!,
    );
    for (const entry of flood) await render(entry, 40);
    expect(await held(pages)).toBe(pages.length);
    // 3,000 × 40 KB is about 117 MB: the variants' 64 MB budget keeps the most recent ones only.
    const kept = await held(flood);
    expect(kept).toBeGreaterThan(1500);
    expect(kept).toBeLessThan(1640);
    expect(await held(flood.slice(-100))).toBe(100);
    expect(await held(flood.slice(0, 100))).toBe(0);
  });

  it("keeps the searches people ask again while a flood of searches asked once churns the variants' budget", async () => {
    // 300 searches of 100 KB (about a results page and its props) are 29 MB, under half the variants' 64 MB: each is asked again.
    const repeated = Array.from({ length: 300 }, (_, i) => key(`/search/results/popular${i}`));
    for (const entry of repeated) await render(entry, 100);
    // Reading each back is its second request.
    expect(await held(repeated)).toBe(repeated.length);
    // Regenerated after its hour (a lookup, then the new render): still a search people ask again.
    await render(repeated[0]!, 100);
    // A crawler, or a benchmark's every-query-new load: 3,000 searches asked once, 293 MB, four times the budget.
    const once = Array.from({ length: 3000 }, (_, i) => key(`/search/results/once${i}`));
    for (const entry of once) await render(entry, 100);
    expect(await held(repeated)).toBe(repeated.length);
    // The flood still has the rest of the budget: its latest searches are kept.
    expect(await held(once.slice(-50))).toBe(50);
  });

  it("gives way to searches newly asked again when the ones asked before are no longer asked", async () => {
    const before = Array.from({ length: 400 }, (_, i) => key(`/search/results/before${i}`));
    const now = Array.from({ length: 400 }, (_, i) => key(`/search/results/now${i}`));
    // Each set of 400 × 100 KB (39 MB), each search asked again soon after: together past the share kept for searches asked again
    // (80% of 64 MB), so the searches asked before go back among those asked once as the new ones are asked again.
    for (const set of [before, now]) {
      for (const entry of set) {
        await render(entry, 100);
        expect(await cache.get(entry)).not.toBeNull();
      }
    }
    const once = Array.from({ length: 300 }, (_, i) => key(`/search/results/once${i}`));
    for (const entry of once) await render(entry, 100);
    expect(await held(now)).toBe(now.length);
    // Of the searches asked before, only what the repeated share has room for beside the new ones (about 124) is left.
    expect(await held(before)).toBeLessThan(130);
  });

  it("keeps the pages people read while a flood of distinct 404s (made-up paper ids) churns the variants' budget, each 404 counted", async () => {
    const pages = ["/index", ...Array.from({ length: 200 }, (_, i) => `/papers/2611.${String(i).padStart(5, "0")}`)].map(key);
    for (const entry of pages) await render(entry, 40);
    const missing = Array.from({ length: 300_000 }, (_, i) => key(`/papers/9999.${String(i).padStart(6, "0")}`));
    for (const entry of missing) {
      await cache.get(entry);
      await cache.set(entry, null);
    }
    expect(await held(pages)).toBe(pages.length);
    // A 404 is a hit while it is kept (null value, not a miss), and the oldest went: the 64 MB budget holds about 200,000 of them.
    const stored = async (entry: string) => (await cache.get(entry)) !== null;
    expect(await stored(missing.at(-1)!)).toBe(true);
    expect(await stored(missing[0]!)).toBe(false);
    // A 404 that becomes a page (an unhide) is stored as a page, and no 404 of it stays behind.
    await cache.set(missing.at(-1)!, page(1));
    expect((await cache.get(missing.at(-1)!))?.value?.kind).toBe("PAGES");
    // 300,000 lookups and stores: a few seconds on a busy machine, and no measure of speed.
  }, 60_000);

  it("keeps the pages people read while anybody mints empty period pages (any date parses) and redirects (any spelling of an id)", async () => {
    const pages = ["/index", "/papers/date/2026-11-30", ...Array.from({ length: 200 }, (_, i) => `/papers/2611.${String(i).padStart(5, "0")}`)].map(key);
    for (const entry of pages) await render(entry, 40);
    const day = (i: number) => new Date(Date.UTC(1900, 0, 1 + i)).toISOString().slice(0, 10);
    // An empty day page as getStaticProps makes it: props carry the period's (empty) list.
    const empty = (kb: number) => ({ ...page(kb), pageData: { pageProps: { kind: "day", page: { papers: [], nextCursor: null } } } });
    // 4,000 × 30 KB of empty days, and then 300,000 redirects, are each past the pages' 96 MB: they churn the variants' budget instead.
    for (let i = 0; i < 4000; i += 1) {
      const entry = key(`/papers/date/${day(i)}`);
      await cache.get(entry);
      await cache.set(entry, empty(30));
    }
    expect(await held(pages)).toBe(pages.length);
    expect(await cache.get(key(`/papers/date/${day(3999)}`))).not.toBeNull();
    for (let i = 0; i < 300_000; i += 1) {
      const entry = key(`/papers/2611.00001v${i + 2}`);
      await cache.get(entry);
      await cache.set(entry, { kind: "REDIRECT", props: { pageProps: { __N_REDIRECT: "/papers/2611.00001", __N_REDIRECT_STATUS: 308 } } });
    }
    expect(await held(pages)).toBe(pages.length);
    expect((await cache.get(key("/papers/2611.00001v300001")))?.value?.kind).toBe("REDIRECT");
  }, 60_000);

  it("evicts pages not read again first, a page read all along staying", async () => {
    const keys = Array.from({ length: 2600 }, (_, i) => key(`/papers/2611.${String(i).padStart(5, "0")}`));
    await render(keys[0]!, 40);
    for (const entry of keys.slice(1)) {
      await render(entry, 40);
      await cache.get(keys[0]!);
    }
    // 2,600 × 40 KB is past the pages' 96 MB: the oldest went, the one read all along stayed.
    expect(await cache.get(keys[0]!)).not.toBeNull();
    expect(await cache.get(keys[1]!)).toBeNull();
    expect(await cache.get(keys.at(-1)!)).not.toBeNull();
  });

  it("drops everything on a feed change, and does not store a render that began before it", async () => {
    await render(key("/papers/2611.00001"), 10);
    await render(key("/search/results/a"), 10);
    await cache.get(key("/papers/2611.00002"));
    await cache.revalidateTag(PAPERS_TAG);
    await cache.set(key("/papers/2611.00002"), page(10));
    expect(await held([key("/papers/2611.00001"), key("/search/results/a"), key("/papers/2611.00002")])).toBe(0);
    // Other tags name nothing this cache holds.
    await render(key("/papers/2611.00001"), 10);
    await cache.revalidateTag("subscriber-7");
    expect(await cache.get(key("/papers/2611.00001"))).not.toBeNull();
  });
});
