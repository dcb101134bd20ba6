// Per-host politeness: one request at a time per host group, with a minimum gap between requests.
//
// arXiv asks automated clients for a single connection and at least 3 s between requests
// (https://info.arxiv.org/help/api/tou.html), so all arXiv hosts share one group with a 3 s gap.
// The gap runs from the end of one request to the start of the next. Hugging Face's thumbnail CDN serves static files and takes
// a few requests at once: its requests spread over a few lanes, each one request at a time.

const ARXIV_HOSTS: readonly string[] = ["arxiv.org", "export.arxiv.org", "rss.arxiv.org"];
export const ARXIV_MIN_GAP_MS = 3_000;
const LANES: Readonly<Record<string, number>> = { "cdn-thumbnails.huggingface.co": 4 };

export type TPolitenessOptions = { arxivGapMs?: number; defaultGapMs?: number; sleep?: (ms: number) => Promise<void> };

export type TPoliteness = { run<T>(host: string, fn: () => Promise<T>): Promise<T> };

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPoliteness(opts: TPolitenessOptions = {}): TPoliteness {
  const arxivGap = opts.arxivGapMs ?? ARXIV_MIN_GAP_MS;
  const defaultGap = opts.defaultGapMs ?? 0;
  const sleep = opts.sleep ?? realSleep;
  const tails = new Map<string, Promise<unknown>>();
  const lastEnd = new Map<string, number>();
  let nextLane = 0;

  return {
    run<T>(host: string, fn: () => Promise<T>): Promise<T> {
      const lanes = LANES[host] ?? 1;
      const group = ARXIV_HOSTS.includes(host) ? "arxiv" : lanes > 1 ? `${host}#${nextLane++ % lanes}` : host;
      const gap = group === "arxiv" ? arxivGap : defaultGap;
      const previous = tails.get(group) ?? Promise.resolve();
      const next = previous.then(async () => {
        const wait = (lastEnd.get(group) ?? -Infinity) + gap - Date.now();
        if (wait > 0) await sleep(wait);
        try {
          return await fn();
        } finally {
          lastEnd.set(group, Date.now());
        }
      });
      // The caller sees a failure through `next`; the host's queue only needs it settled before the next request.
      tails.set(group, Promise.allSettled([next]));
      return next;
    },
  };
}

/** The process-wide instance, so concurrent runs share each host's queue. */
export const sharedPoliteness = createPoliteness();
