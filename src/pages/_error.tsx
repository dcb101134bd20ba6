// The Pages Router's error page. A feed page the database was too busy to render says so, answered with 503 and Retry-After
// (src/server/http/error-page.ts); any other failure keeps Next's own page. Neither is cached: Next stores no failed render, and serves
// a stale copy of a page whose regeneration failed for as long as it keeps failing.
import Head from "next/head";
import NextError from "next/error";
import { BusyView } from "@/components/busy-view";
import { SITE_NAME } from "@/components/site-metadata";
import { errorPageProps, type TErrorPageProps } from "@/server/http/error-page";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export default function ErrorPage({ statusCode, busy }: TErrorPageProps) {
  if (!busy) return <NextError statusCode={statusCode} />;
  return (
    <>
      <Head>
        <title>{`Busy · ${SITE_NAME}`}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
      </Head>
      <BusyView />
    </>
  );
}

ErrorPage.getInitialProps = errorPageProps;
