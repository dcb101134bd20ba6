// Fetches every page a plan calls for and parses each one, so a run (or the CLI) sees one combined parse result.
import { parseListing, type TParseResult, type TSourceId } from "@/core/sources";
import { AppError } from "../errors/app-error";
import type { TFetched, TFetcher, TValidators } from "../fetch/fetch-url";
import type { TFetchPlan } from "./fetch-plans";

type TFetchedPage = { url: string; status: number; validators: TValidators };

export type TListing = {
  /** Every page answered 304 Not Modified: nothing new since the last successful run. */
  notModified: boolean;
  result: TParseResult;
  pages: TFetchedPage[];
  timings: { fetchMs: number; parseMs: number };
};

export type TFetchListingOptions = {
  source: TSourceId;
  plan: TFetchPlan;
  /** Needed when the plan fetches pages; a pasted body needs none. */
  fetcher?: TFetcher;
  now: Date;
  /** Validators from the last successful fetch of a URL, for conditional requests. */
  validatorsFor?: (url: string) => Promise<TValidators | undefined>;
  onPage?: (progress: { pagesDone: number; found: number; url: string }) => Promise<void> | void;
};

function combine(source: TSourceId, results: TParseResult[]): TParseResult {
  const [first] = results;
  if (first?.fatal) return first;
  const expectations = results.map((r) => r.expected).filter((e): e is number => e !== undefined);
  return {
    source,
    papers: results.flatMap((r) => r.papers),
    errors: results.flatMap((r, page) => [
      ...r.errors.map((e) => (results.length > 1 ? { ...e, message: `page ${page + 1}: ${e.message}` } : e)),
      ...(r.fatal ? [{ message: `page ${page + 1}: ${r.fatal}` }] : []),
    ]),
    ...(expectations.length ? { expected: expectations.reduce((a, b) => a + b, 0) } : {}),
    ...(first?.totalResults !== undefined ? { totalResults: first.totalResults } : {}),
  };
}

export async function fetchListing(opts: TFetchListingOptions): Promise<TListing> {
  const { source, plan, fetcher, now } = opts;
  const timings = { fetchMs: 0, parseMs: 0 };
  const timed = async <T>(key: keyof typeof timings, fn: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await fn();
    } finally {
      timings[key] += Math.round(performance.now() - started);
    }
  };

  if (plan.kind === "body") {
    const result = await timed("parseMs", () => parseListing(source, plan.body, { now }));
    return { notModified: false, result, pages: [], timings };
  }

  const results: TParseResult[] = [];
  const pages: TFetchedPage[] = [];
  let notModifiedPages = 0;
  let next: string | null = plan.firstUrl;
  for (let index = 0; next !== null; index++) {
    const url: string = next;
    const validators: TValidators | undefined = await opts.validatorsFor?.(url);
    if (!fetcher) throw new Error(`no fetcher to fetch ${url} with`);
    const fetched: TFetched = await timed("fetchMs", () => fetcher.get(url, { validators, accept: plan.accept }));
    if (fetched.notModified) {
      notModifiedPages++;
      break;
    }
    if (fetched.contentType && !plan.contentType.test(fetched.contentType)) {
      throw new AppError("UNPROCESSABLE", `wrong content type from ${fetched.url}: got "${fetched.contentType}", expected ${plan.contentType.source}`);
    }
    const body = fetched.body;
    const result: TParseResult = await timed("parseMs", () => parseListing(source, body, { now, url: fetched.url }));
    results.push(result);
    pages.push({ url, status: fetched.status, validators: fetched.validators });
    await opts.onPage?.({ pagesDone: index + 1, found: results.reduce((n, r) => n + r.papers.length, 0), url: fetched.url });
    next = result.fatal ? null : plan.nextUrl(index, result);
  }

  const notModified = notModifiedPages > 0 && results.length === 0;
  return { notModified, result: combine(source, results), pages, timings };
}
