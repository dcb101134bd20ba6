// Filtered, sorted or paged trending lists: src/server/http/cached-views.ts rewrites "/?sort=new&code=1" to /trending/<filters>, so "/" stays one static
// page and every variant is cached on its own, zero-JS like "/".
import type { GetStaticPaths, GetStaticProps } from "next";
import { PageHead } from "@/components/page-head";
import { SORT_TITLES, TrendingView } from "@/components/trending-view";
import { trendingPageProps, type TTrendingPageProps } from "@/server/feed/feed-page-props";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });

export const getStaticProps: GetStaticProps<TTrendingPageProps, { view: string }> = async ({ params }) => trendingPageProps(params?.view ?? "");

export default function TrendingPage({ appUrl, ...data }: TTrendingPageProps) {
  return (
    <>
      <PageHead title={SORT_TITLES[data.filters.sort]} path="/" appUrl={appUrl} />
      <TrendingView {...data} />
    </>
  );
}
