// The papers of one month (/papers/month/2026-11) and their filtered, sorted or paged variants (src/server/http/cached-views.ts rewrites "?code=1" to a
// last path segment), zero-JS and cached until the feed changes; the page itself is src/components/period-page.tsx.
import type { GetStaticPaths } from "next";
import { periodStaticProps } from "@/server/feed/feed-page-props";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });

export const getStaticProps = periodStaticProps("month");

export { PeriodPage as default } from "@/components/period-page";
