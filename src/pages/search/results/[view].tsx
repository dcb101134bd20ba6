// Search results: src/server/http/cached-views.ts rewrites "/search?q=…&sort=…" to /search/results/<canonical filters>, so each query is rendered once and
// served from the page cache until the feed changes, zero-JS like the feed's pages; the address bar keeps the shareable /search?q= URL.
import type { GetStaticPaths, GetStaticProps } from "next";
import { serializeFeedFilters } from "@/core/search";
import { PageHead } from "@/components/page-head";
import { SearchView } from "@/components/search-view";
import { searchPageProps, type TSearchPageProps } from "@/server/feed/feed-page-props";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });

export const getStaticProps: GetStaticProps<TSearchPageProps, { view: string }> = async ({ params }) => searchPageProps(params?.view ?? "");

export default function SearchResultsPage({ appUrl, ...data }: TSearchPageProps) {
  const query = serializeFeedFilters(data.filters);
  return (
    <>
      <PageHead title={data.filters.q ? `Search: ${data.filters.q}` : "Search"} path={query ? `/search?${query}` : "/search"} appUrl={appUrl} noindex />
      <SearchView {...data} />
    </>
  );
}
