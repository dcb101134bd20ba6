// The front page, trending papers: a Pages Router page with no runtime JS, statically regenerated (ISR) and revalidated when ingestion writes.
import type { GetStaticProps } from "next";
import Head from "next/head";
import { FAVICON, FEED_ALTERNATES, SITE_DESCRIPTION, SITE_NAME, SITE_TITLE, THEME_COLORS } from "@/components/site-metadata";
import { TrendingView } from "@/components/trending-view";
import { FEED_REVALIDATE_SECONDS } from "@/server/feed/cache-tags";
import { loadFrontPage, type TFrontPageProps } from "@/server/feed/load-front-page";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<TFrontPageProps> = async () => ({
  props: await loadFrontPage(),
  revalidate: FEED_REVALIDATE_SECONDS,
});

export default function FrontPage({ page, filters, appUrl, demo }: TFrontPageProps) {
  const url = new URL("/", appUrl).href;
  return (
    <>
      <Head>
        <title>{SITE_TITLE}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={SITE_DESCRIPTION} />
        <link rel="canonical" href={url} />
        <link rel="icon" href={FAVICON} type="image/svg+xml" />
        <meta name="theme-color" media="(prefers-color-scheme: light)" content={THEME_COLORS.light} />
        <meta name="theme-color" media="(prefers-color-scheme: dark)" content={THEME_COLORS.dark} />
        <meta property="og:type" content="website" />
        <meta property="og:site_name" content={SITE_NAME} />
        <meta property="og:title" content={SITE_TITLE} />
        <meta property="og:description" content={SITE_DESCRIPTION} />
        <meta property="og:url" content={url} />
        <meta name="twitter:card" content="summary" />
        <meta name="twitter:title" content={SITE_TITLE} />
        <meta name="twitter:description" content={SITE_DESCRIPTION} />
        {Object.entries(FEED_ALTERNATES).map(([type, href]) => (
          <link key={type} rel="alternate" type={type} href={new URL(href, appUrl).href} />
        ))}
      </Head>
      <TrendingView filters={filters} page={page} demo={demo} />
    </>
  );
}
