// The empty search page (/search): a zero-JS page, cached like the feed's; a query is served by /search/results/<view>.
import type { GetStaticProps } from "next";
import { PageHead } from "@/components/page-head";
import { SearchView } from "@/components/search-view";
import { searchPageProps, type TSearchPageProps } from "@/server/feed/feed-page-props";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<TSearchPageProps> = async () => searchPageProps("");

export default function SearchPage({ appUrl, ...data }: TSearchPageProps) {
  return (
    <>
      <PageHead title="Search" path="/search" appUrl={appUrl} noindex />
      <SearchView {...data} />
    </>
  );
}
