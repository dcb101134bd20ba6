// Benchmark ceiling only (bench/feed.ts): the front page's markup as a fully static page, built when BENCH_STATIC_PAGE=1, else 404.
import type { GetStaticProps } from "next";
import { loadFrontPage, type TFrontPageProps } from "@/server/feed/load-front-page";
import FrontPage from "./index";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<TFrontPageProps> = async () =>
  process.env.BENCH_STATIC_PAGE === "1" ? { props: await loadFrontPage() } : { notFound: true };

export default FrontPage;
