// Benchmark ceiling only (bench/feed.ts): the front page's markup as a fully static page, built when BENCH_STATIC_PAGE=1, else 404.
import type { GetStaticProps } from "next";
import { frontPageProps, type TTrendingPageProps } from "@/server/feed/feed-page-props";
import FrontPage from "./index";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<TTrendingPageProps> = async () => {
  if (process.env.BENCH_STATIC_PAGE !== "1") return { notFound: true };
  const result = await frontPageProps();
  // Without `revalidate` the page is built once and never regenerated: the ceiling the ISR front page is measured against.
  return "props" in result ? { props: result.props } : result;
};

export default FrontPage;
