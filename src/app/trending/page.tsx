// Filtered, sorted or paged trending lists; src/proxy.ts rewrites "/?sort=new&code=1" here so "/" itself stays static.
import type { Metadata } from "next";
import { parseFeedFilters } from "@/core/search";
import { TrendingView } from "@/components/trending-view";
import { DEFAULT_FILTERS, EMPTY_PAGE, FRONT_PAGE_SIZE, loadPapersForPage } from "@/server/feed/load-feed";

export const metadata: Metadata = { title: "Trending papers", alternates: { canonical: "/" } };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TrendingPage({ searchParams }: TProps) {
  const parsed = parseFeedFilters(await searchParams);
  if (!parsed.ok) return <TrendingView filters={DEFAULT_FILTERS} page={EMPTY_PAGE} error={parsed.message} />;
  const filters = { ...parsed.value, q: undefined };
  const { page, error } = await loadPapersForPage(filters, null, FRONT_PAGE_SIZE);
  return <TrendingView filters={filters} page={page} error={error} />;
}
