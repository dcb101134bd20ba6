// Fetch plans: each source and period becomes the documented URL, paging stops where the source says, and bad parameters are refused.
import { describe, expect, it } from "vitest";
import type { TParseResult } from "../../../src/core/sources";
import { planFetch } from "../../../src/server/ingest/fetch-plans";
import { addDays, isoWeekKey, todayUtc } from "../../../src/core/periods";
import { parseIngestSources, runKeyOf, ZIngestParams } from "../../../src/server/ingest/ingest-params";

const firstUrl = (...args: Parameters<typeof planFetch>) => {
  const plan = planFetch(...args);
  if (plan.kind !== "pages") throw new Error("expected a fetched plan");
  return plan.firstUrl;
};
const page = (n: number, extra: Partial<TParseResult> = {}): TParseResult => ({
  source: "hf-daily",
  papers: new Array(n).fill({}),
  errors: [],
  expected: n,
  ...extra,
});

describe("planFetch", () => {
  it.each([
    ["hf-daily", { date: "2026-05-08" }, "https://huggingface.co/api/daily_papers?date=2026-05-08&limit=100"],
    ["hf-daily", { week: "2026-W19" }, "https://huggingface.co/api/daily_papers?week=2026-W19&limit=100"],
    ["hf-daily", { month: "2026-05" }, "https://huggingface.co/api/daily_papers?month=2026-05&limit=100"],
    ["hf-page", { date: "2026-05-08" }, "https://huggingface.co/papers/date/2026-05-08"],
    ["hf-page", { week: "2026-W19" }, "https://huggingface.co/papers/week/2026-W19"],
    ["hf-page", { month: "2026-05" }, "https://huggingface.co/papers/month/2026-05"],
    ["hf-page", {}, "https://huggingface.co/papers/trending"],
    ["hf-page", { paper: "2408.00714" }, "https://huggingface.co/papers/2408.00714"],
    ["arxiv-list", { category: "cs.CL" }, "https://arxiv.org/list/cs.CL/new"],
    ["arxiv-list", { category: "cs.CL", listing: "recent" }, "https://arxiv.org/list/cs.CL/recent"],
    ["arxiv-rss", { category: "stat" }, "https://rss.arxiv.org/rss/stat"],
    [
      "arxiv-api",
      { category: "cs.LG" },
      "https://export.arxiv.org/api/query?search_query=cat%3Acs.LG&sortBy=submittedDate&sortOrder=descending&start=0&max_results=100",
    ],
  ] as const)("%s %j → %s", (source, params, url) => {
    expect(firstUrl(source, params)).toBe(url);
  });

  it("pages hf-daily while a page is full, and arxiv-api while the stated total has more", () => {
    const hf = planFetch("hf-daily", { week: "2026-W19" });
    const api = planFetch("arxiv-api", { category: "cs.LG" });
    if (hf.kind !== "pages" || api.kind !== "pages") throw new Error("expected fetched plans");
    expect(hf.nextUrl(0, page(100))).toBe("https://huggingface.co/api/daily_papers?week=2026-W19&limit=100&p=1");
    expect(hf.nextUrl(0, page(37))).toBeNull();
    expect(api.nextUrl(0, page(100, { totalResults: 250 }))).toContain("start=100");
    expect(api.nextUrl(1, page(100, { totalResults: 250 }))).toContain("start=200");
    expect(api.nextUrl(2, page(50, { totalResults: 250 }))).toBeNull();
    expect(api.nextUrl(0, page(0, { totalResults: 250 }))).toBeNull();
  });

  it("uses an explicit url or pasted body as given, and a base URL override for fixture servers", () => {
    expect(firstUrl("hf-daily", { url: "https://huggingface.co/api/daily_papers?date=2026-01-02" })).toBe(
      "https://huggingface.co/api/daily_papers?date=2026-01-02",
    );
    expect(planFetch("text", { body: "Title\nAbstract" })).toEqual({ kind: "body", body: "Title\nAbstract" });
    expect(firstUrl("arxiv-rss", { category: "cs.CL" }, { baseUrl: "http://127.0.0.1:4000" })).toBe("http://127.0.0.1:4000/rss/cs.CL");
  });

  it("refuses what cannot be fetched", () => {
    expect(() => planFetch("arxiv-rss", {})).toThrow(/needs a category/);
    expect(() => planFetch("text", {})).toThrow(/pasted/);
  });
});

describe("ingest parameters", () => {
  it("rejects malformed periods and categories with the field's rule", () => {
    expect(ZIngestParams.safeParse({ week: "2026-W60" }).error?.issues[0]?.message).toMatch(/ISO week/);
    expect(ZIngestParams.safeParse({ date: "2026-02-30" }).success).toBe(false);
    expect(ZIngestParams.safeParse({ category: "cs.CL; DROP" }).success).toBe(false);
    expect(ZIngestParams.safeParse({ url: "javascript:alert(1)" }).success).toBe(false);
  });

  it("refuses a period no source can list: before arXiv's first listing, or after tomorrow", () => {
    const tomorrow = addDays(todayUtc(new Date()), 1);
    expect(ZIngestParams.safeParse({ date: "0001-01-01" }).success).toBe(false);
    const refused = [
      { date: "1000-01-01" },
      { date: "1991-08-13" },
      { week: "1991-W32" },
      { month: "1991-07" },
      { date: addDays(tomorrow, 1) },
      { month: "9999-12" },
    ];
    for (const params of refused)
      expect(ZIngestParams.safeParse(params).error?.issues[0]?.message, JSON.stringify(params)).toMatch(/from 1991-08-14 to \d{4}-\d{2}-\d{2}/);
    for (const params of [{ date: "1991-08-14" }, { week: "1991-W33" }, { month: "1991-08" }, { date: tomorrow }, { week: isoWeekKey(tomorrow) }]) {
      expect(ZIngestParams.safeParse(params).success, JSON.stringify(params)).toBe(true);
    }
    // A week that does not exist is named as such, not as out of range.
    expect(ZIngestParams.safeParse({ week: "2026-W54" }).error?.issues[0]?.message).toMatch(/ISO week/);
  });

  it("gives equal requests one run key, whatever the key order", () => {
    expect(runKeyOf("arxiv-list", { listing: "recent", category: "cs.CL" })).toBe(runKeyOf("arxiv-list", { category: "cs.CL", listing: "recent" }));
    expect(runKeyOf("hf-daily", {})).toBe("hf-daily");
    expect(runKeyOf("text", { body: "a" })).not.toBe(runKeyOf("text", { body: "b" }));
  });

  it("gives one page asked by differently written URLs one run key: the URL is kept as the URL parser writes it", () => {
    const keyOf = (url: string) => runKeyOf("hf-daily", ZIngestParams.parse({ url }));
    const canonical = keyOf("https://huggingface.co/papers/date/2026-05-08");
    for (const url of [
      "https://HUGGINGFACE.CO/papers/date/2026-05-08",
      "https://huggingface.co:443/papers/./date/2026-05-08",
      "HTTPS://huggingface.co/papers/date/2026-05-08",
      "https://huggingface.co/papers/date/2026-05-08#top",
    ]) {
      expect(keyOf(url), url).toBe(canonical);
    }
    expect(keyOf("https://huggingface.co/papers/date/2026-05-09")).not.toBe(canonical);
  });

  it("reads INGEST_SOURCES entries, refusing unknown or unfetchable ones by name", () => {
    expect(parseIngestSources("hf-daily, arxiv-rss:cs.CL")).toEqual([
      { source: "hf-daily", params: {} },
      { source: "arxiv-rss", params: { category: "cs.CL" } },
    ]);
    expect(() => parseIngestSources("hf-daily,nope")).toThrow(/INGEST_SOURCES has "nope", which is not a fetchable source/);
    expect(() => parseIngestSources("text")).toThrow(/not a fetchable source/);
  });
});
