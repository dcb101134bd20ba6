// Benchmark ceiling only (bench/feed.ts): the front page's content as a fully static page, built when BENCH_STATIC_PAGE=1, else 404.
import { notFound } from "next/navigation";
import { TrendingView } from "@/components/trending-view";
import { DEFAULT_FILTERS, EMPTY_PAGE, FRONT_PAGE_SIZE, loadOrFallback, loadPapers } from "@/server/feed/load-feed";

export const dynamic = "force-static";
export const metadata = { robots: { index: false } };

export default async function BenchStaticPage() {
  if (process.env.BENCH_STATIC_PAGE !== "1") notFound();
  const page = await loadOrFallback(() => loadPapers(DEFAULT_FILTERS, null, FRONT_PAGE_SIZE), EMPTY_PAGE);
  return <TrendingView filters={DEFAULT_FILTERS} page={page} />;
}
