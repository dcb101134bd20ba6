// Relevance: does "More like this" / "Less like this" teach a reader's digest? Simulated readers on the real papers of
// tests/fixtures/arxiv, each interested in one arXiv category: from its first digest it likes the papers in that category
// and dislikes the others, and its next digest, drawn from papers it has not seen, is scored for precision@10. The same
// reader is compared with one whose keyword is the category's name, and with the trending order. Then the time to choose
// 10,000 readers' digests (each with feedback) from 2,000 candidates.
// Run: npx tsx bench/relevance.ts   (BENCH_READERS=n: n readers instead of 10,000; BENCH_SKIP_TIMING=1 prints precision only)
import { readFileSync } from "node:fs";
import path from "node:path";
import { selectDigest, type TDigestSubscriber } from "../src/core/digest";
import type { TPaper } from "../src/core/paper";
import type { TFeedbackExample } from "../src/core/relevance";
import { parseListing, type TSourceId } from "../src/core/sources";

const root = path.resolve(import.meta.dirname, "..");
const NOW = new Date("2026-11-27T07:00:00Z");
const DAY = "2026-11-27";
const LIMIT = 10;
const SEEDS = 20;
/** A category is simulated when at least this many papers carry it, so a digest can hold 10 of them. */
const MIN_PAPERS = 30;
/** The keyword a keywords-only reader of the category would type: the category's name, as arXiv lists it. */
const CATEGORY_NAMES: Record<string, string> = {
  "cs.LG": "Machine Learning",
  "cs.CL": "Computation and Language",
  "cs.AI": "Artificial Intelligence",
  "cs.CV": "Computer Vision and Pattern Recognition",
  "stat.ME": "Methodology",
  "stat.ML": "Machine Learning",
  "math.ST": "Statistics Theory",
  "stat.TH": "Statistics Theory",
};
const FIXTURES: [string, TSourceId][] = [
  ["arxiv/api-cat-cs.AI-LG-2026-07-13.atom.xml", "arxiv-api"],
  ["arxiv/list-cs.CL-recent-2026-07-28.html", "arxiv-list"],
  ["arxiv/rss-stat-2024-03-26.xml", "arxiv-rss"],
  ["arxiv/api-2016-au-del-maestro.atom.xml", "arxiv-api"],
  ["hf/api-daily-papers-2026-05-08.json", "hf-daily"],
  ["hf/api-daily-papers-2026-06-12.json", "hf-daily"],
];

function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** Every captured paper, listed today (the digest looks at today's papers), deduplicated by arXiv id. */
function loadPapers(): TPaper[] {
  const seen = new Set<string>();
  const papers: TPaper[] = [];
  for (const [file, source] of FIXTURES) {
    const result = parseListing(source, readFileSync(path.join(root, "tests/fixtures", file), "utf8"), { now: NOW });
    for (const p of result.papers) {
      if (p.arxivId && seen.has(p.arxivId)) continue;
      if (p.arxivId) seen.add(p.arxivId);
      papers.push({
        id: papers.length + 1,
        arxivId: p.arxivId,
        title: p.title,
        abstract: p.abstract,
        authors: p.authors,
        listedOn: DAY,
        upvotes: p.upvotes ?? 0,
        categories: p.categories ?? [],
        primaryCategory: p.primaryCategory ?? null,
        organization: p.organization ?? null,
      });
    }
  }
  return papers;
}

/** Trending scores drawn at random per seed: trending knows nothing of a reader's category. */
function trendingOrder(papers: readonly TPaper[], seed: number): TPaper[] {
  const random = rng(seed);
  return papers.map((p) => ({ ...p, trendingScore: random() * 10 })).sort((a, b) => b.trendingScore - a.trendingScore || a.id - b.id);
}

const reader = (fields: Partial<TDigestSubscriber> = {}): TDigestSubscriber => ({
  frequency: "daily",
  keywords: [],
  categories: [],
  onlyWithCode: false,
  minUpvotes: 0,
  lastDigestAt: null,
  ...fields,
});

function feedbackOf(paper: TPaper, kind: "more" | "less"): TFeedbackExample {
  return { paperId: paper.id, kind, title: paper.title, abstract: paper.abstract, authors: paper.authors, categories: paper.categories };
}

function precision(papers: readonly TPaper[], category: string): number {
  return papers.filter((p) => p.categories.includes(category)).length / LIMIT;
}

function simulate(papers: readonly TPaper[]) {
  const counts = new Map<string, number>();
  for (const p of papers) for (const c of p.categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  const categories = [...counts].filter(([c, n]) => n >= MIN_PAPERS && CATEGORY_NAMES[c]).map(([c]) => c);
  const totals = { learned: 0, keywords: 0, trending: 0 };
  let readers = 0;
  for (let seed = 1; seed <= SEEDS; seed++) {
    const ranked = trendingOrder(papers, seed);
    const first = selectDigest({ now: NOW, subscriber: reader(), papers: ranked, alreadySent: new Set(), limit: LIMIT }).items.map((i) => i.paper);
    const seen = new Set(first.map((p) => p.id));
    for (const category of categories) {
      const feedback = first.map((p) => feedbackOf(p, p.categories.includes(category) ? "more" : "less"));
      const next = (subscriber: TDigestSubscriber) =>
        selectDigest({ now: NOW, subscriber, papers: ranked, alreadySent: seen, limit: LIMIT }).items.map((i) => i.paper);
      totals.learned += precision(next(reader({ feedback })), category);
      totals.keywords += precision(next(reader({ keywords: [CATEGORY_NAMES[category]!] })), category);
      totals.trending += precision(next(reader()), category);
      readers++;
    }
  }
  return { readers, learned: totals.learned / readers, keywords: totals.keywords / readers, trending: totals.trending / readers };
}

/** 2,000 candidates from the captured papers (copies under new ids, as a week of listings would repeat topics), and 10,000 readers with 5 likes and 5 dislikes each. */
function timeSelection(papers: readonly TPaper[]) {
  const random = rng(7);
  const candidates = Array.from({ length: 2_000 }, (_, i) => ({ ...papers[i % papers.length]!, id: i + 1, trendingScore: random() * 10 })).sort(
    (a, b) => b.trendingScore - a.trendingScore,
  );
  const readers = Array.from({ length: Number(process.env.BENCH_READERS ?? 10_000) }, () =>
    reader({
      feedback: Array.from({ length: 10 }, (_, k) => feedbackOf(papers[Math.floor(random() * papers.length)]!, k < 5 ? "more" : "less")),
    }),
  );
  const cpu = () => {
    const used = process.cpuUsage();
    return (used.user + used.system) / 1000;
  };
  const choose = (subscriber: TDigestSubscriber) =>
    selectDigest({ now: NOW, subscriber, papers: candidates, alreadySent: new Set(), limit: LIMIT }).items.length;
  // The first reader also builds the run's feature space, which every later reader shares.
  const spaceStarted = performance.now();
  let chosen = choose(readers[0]!);
  const spaceMs = performance.now() - spaceStarted;
  const started = performance.now();
  const cpuBefore = cpu();
  for (const subscriber of readers.slice(1)) chosen += choose(subscriber);
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = cpu() - cpuBefore;
  return { readers: readers.length, spaceMs, seconds, cpuMs, chosen };
}

const papers = loadPapers();
const result = simulate(papers.filter((p) => p.categories.length > 0));
console.log(
  `relevance: precision@10 learned ${result.learned.toFixed(2)} keywords ${result.keywords.toFixed(2)} trending ${result.trending.toFixed(2)} (readers ${result.readers}, papers ${papers.filter((p) => p.categories.length > 0).length})`,
);
if (process.env.BENCH_SKIP_TIMING) process.exit(0);
const timing = timeSelection(papers);
console.log(
  `relevance: ${timing.readers} readers' digests (10 presses each) from 2,000 candidates: feature space ${timing.spaceMs.toFixed(0)} ms once, then ${timing.seconds.toFixed(2)} s (${((timing.seconds / (timing.readers - 1)) * 1e6).toFixed(0)} µs per digest, CPU ${((timing.cpuMs / (timing.readers - 1)) * 1000).toFixed(0)} µs), ${timing.chosen} papers chosen`,
);
