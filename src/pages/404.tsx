// The 404 of the feed's zero-JS pages (an unknown paper or period); App Router paths use src/app/not-found.tsx.
import Head from "next/head";
import { NotFoundView } from "@/components/not-found-view";
import { SITE_NAME } from "@/components/site-metadata";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export default function NotFoundPage() {
  return (
    <>
      <Head>
        <title>{`Not found · ${SITE_NAME}`}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
      </Head>
      <NotFoundView />
    </>
  );
}
