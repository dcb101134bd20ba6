// The HTML document for Pages Router pages (only the zero-JS front page): same language, theme script and body as the App Router layout.
import { Head, Html, Main, NextScript } from "next/document";
import { BODY_CLASS } from "@/components/site-shell";
import { SITE_SCRIPT } from "@/components/site-script";

export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <script dangerouslySetInnerHTML={{ __html: SITE_SCRIPT }} />
      </Head>
      <body className={BODY_CLASS}>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
