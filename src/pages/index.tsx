// The front page, trending papers: a Pages Router page with no runtime JS, statically regenerated (ISR) and revalidated when ingestion writes.
import type { GetStaticProps } from "next";
import { PageHead } from "@/components/page-head";
import { TrendingView } from "@/components/trending-view";
import { frontPageProps, type TTrendingPageProps } from "@/server/feed/feed-page-props";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<TTrendingPageProps> = frontPageProps;

export default function FrontPage({ appUrl, ...data }: TTrendingPageProps) {
  return (
    <>
      <PageHead path="/" appUrl={appUrl} />
      <TrendingView {...data} />
    </>
  );
}
