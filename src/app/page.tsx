// The front page: trending papers, served from the full-route cache and revalidated when ingestion writes (tag "papers").
import { TrendingView } from "@/components/trending-view";
import { DEFAULT_FILTERS, EMPTY_PAGE, FRONT_PAGE_SIZE, loadOrFallback, loadPapers } from "@/server/feed/load-feed";

export const revalidate = 300;

export default async function HomePage() {
  const page = await loadOrFallback(() => loadPapers(DEFAULT_FILTERS, null, FRONT_PAGE_SIZE), EMPTY_PAGE);
  return <TrendingView filters={DEFAULT_FILTERS} page={page} />;
}
