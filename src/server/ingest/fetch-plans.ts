// Where each source is fetched from: source + parameters become the first URL, the next page's URL, and the content type to expect.
import type { TParseResult, TSourceId } from "@/core/sources";
import { AppError } from "../errors/app-error";
import type { TIngestParams } from "./ingest-params";

const DEFAULT_BASE_URLS: Record<Exclude<TSourceId, "text">, string> = {
  "hf-daily": "https://huggingface.co",
  "hf-page": "https://huggingface.co",
  "arxiv-list": "https://arxiv.org",
  "arxiv-rss": "https://rss.arxiv.org",
  "arxiv-api": "https://export.arxiv.org",
};

const HF_PAGE_SIZE = 100;
const ARXIV_API_PAGE_SIZE = 100;
const ARXIV_API_MAX_RESULTS = 300;
const MAX_PAGES = 10;

export type TFetchPlan =
  | { kind: "body"; body: string }
  | {
      kind: "pages";
      firstUrl: string;
      accept: string;
      /** A content type the response must match when it states one. */
      contentType: RegExp;
      /** The URL of page `index + 1` given page `index`'s parse, or null when done. */
      nextUrl: (index: number, result: TParseResult) => string | null;
    };

const JSON_TYPE = { accept: "application/json", contentType: /json/i };
const HTML_TYPE = { accept: "text/html", contentType: /html/i };
const XML_TYPE = { accept: "application/atom+xml, application/rss+xml, application/xml, text/xml", contentType: /xml/i };
const ACCEPT: Record<Exclude<TSourceId, "text">, { accept: string; contentType: RegExp }> = {
  "hf-daily": JSON_TYPE,
  "hf-page": HTML_TYPE,
  "arxiv-list": HTML_TYPE,
  "arxiv-rss": XML_TYPE,
  "arxiv-api": XML_TYPE,
};

const single = () => null;

function requireCategory(source: TSourceId, params: TIngestParams): string {
  if (!params.category) throw new AppError("INVALID_INPUT", `${source} needs a category (e.g. cs.CL) or a url`);
  return params.category;
}

function hfDailyUrl(base: string, params: TIngestParams, page: number): string {
  const url = new URL("/api/daily_papers", base);
  for (const key of ["date", "week", "month"] as const) if (params[key]) url.searchParams.set(key, params[key]);
  url.searchParams.set("limit", String(HF_PAGE_SIZE));
  if (page > 0) url.searchParams.set("p", String(page));
  return url.href;
}

function hfPagePath(params: TIngestParams): string {
  if (params.paper) return `/papers/${params.paper}`;
  if (params.date) return `/papers/date/${params.date}`;
  if (params.week) return `/papers/week/${params.week}`;
  if (params.month) return `/papers/month/${params.month}`;
  return "/papers/trending";
}

function arxivApiUrl(base: string, category: string, start: number): string {
  const url = new URL("/api/query", base);
  url.searchParams.set("search_query", `cat:${category}`);
  url.searchParams.set("sortBy", "submittedDate");
  url.searchParams.set("sortOrder", "descending");
  url.searchParams.set("start", String(start));
  url.searchParams.set("max_results", String(ARXIV_API_PAGE_SIZE));
  return url.href;
}

/** Throws INVALID_INPUT when the parameters cannot be fetched for this source. */
export function planFetch(source: TSourceId, params: TIngestParams, opts: { baseUrl?: string } = {}): TFetchPlan {
  if (params.body !== undefined) return { kind: "body", body: params.body };
  if (source === "text") throw new AppError("INVALID_INPUT", "the text source is pasted, not fetched: send its body");
  const types = ACCEPT[source];
  if (params.url) return { kind: "pages", firstUrl: params.url, ...types, nextUrl: single };
  const base = opts.baseUrl ?? DEFAULT_BASE_URLS[source];

  switch (source) {
    case "hf-daily":
      return {
        kind: "pages",
        firstUrl: hfDailyUrl(base, params, 0),
        ...types,
        nextUrl: (index, result) => {
          const items = result.expected ?? result.papers.length + result.errors.length;
          return items >= HF_PAGE_SIZE && index + 1 < MAX_PAGES ? hfDailyUrl(base, params, index + 1) : null;
        },
      };
    case "hf-page":
      return { kind: "pages", firstUrl: new URL(hfPagePath(params), base).href, ...types, nextUrl: single };
    case "arxiv-list": {
      const category = requireCategory(source, params);
      return { kind: "pages", firstUrl: new URL(`/list/${category}/${params.listing ?? "new"}`, base).href, ...types, nextUrl: single };
    }
    case "arxiv-rss":
      return { kind: "pages", firstUrl: new URL(`/rss/${requireCategory(source, params)}`, base).href, ...types, nextUrl: single };
    case "arxiv-api": {
      const category = requireCategory(source, params);
      return {
        kind: "pages",
        firstUrl: arxivApiUrl(base, category, 0),
        ...types,
        nextUrl: (index, result) => {
          const next = (index + 1) * ARXIV_API_PAGE_SIZE;
          const total = Math.min(result.totalResults ?? 0, ARXIV_API_MAX_RESULTS);
          return next < total && result.papers.length > 0 ? arxivApiUrl(base, category, next) : null;
        },
      };
    }
  }
}
