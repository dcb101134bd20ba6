// Filtered, sorted or paged trending lists: src/proxy.ts rewrites "/?sort=new&code=1" to /trending/<filters>, so "/" stays one static page
// and every variant is cached on its own.
import type { Metadata } from "next";
import { parseFeedView } from "@/core/search";
import { TrendingView } from "@/components/trending-view";
import { DEFAULT_FILTERS, EMPTY_PAGE, FRONT_PAGE_SIZE, loadPapersForPage } from "@/server/feed/load-feed";

export const metadata: Metadata = { title: "Trending papers", alternates: { canonical: "/" } };

// Rendered on first request and kept until the feed changes (src/server/cache); an hour is the safety net (FEED_REVALIDATE_SECONDS).
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

type TProps = { params: Promise<{ view: string }> };

export default async function TrendingPage({ params }: TProps) {
  const parsed = parseFeedView((await params).view);
  if (!parsed.ok) return <TrendingView filters={DEFAULT_FILTERS} page={EMPTY_PAGE} error={parsed.message} />;
  const filters = { ...parsed.value, q: undefined };
  const { page, error } = await loadPapersForPage(filters, null, FRONT_PAGE_SIZE);
  return <TrendingView filters={filters} page={page} error={error} />;
}
