// The HTML document for Pages Router pages (the feed's zero-JS pages, search results, /subscribe): same language, theme script and body as the App Router layout.
import { Head, Html, Main, NextScript, type DocumentProps } from "next/document";
import { BODY_CLASS } from "@/components/site-shell";
import { SITE_SCRIPT } from "@/components/site-script";
import { PAGE_STATUS_META, PAGE_STATUS_PROP } from "@/server/http/page-status";

export default function Document({ __NEXT_DATA__ }: DocumentProps) {
  // A page refused for what its request asked names its status here, where the app's server reads it off every answer (page-status.ts).
  const status = (__NEXT_DATA__.props as { pageProps?: Record<string, unknown> } | undefined)?.pageProps?.[PAGE_STATUS_PROP];
  return (
    <Html lang="en">
      <Head>
        {typeof status === "number" && <meta name={PAGE_STATUS_META} content={String(status)} />}
        <script dangerouslySetInnerHTML={{ __html: SITE_SCRIPT }} />
      </Head>
      <body className={BODY_CLASS}>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
