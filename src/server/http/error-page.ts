// What the Pages Router's error page (src/pages/_error.tsx) answers: a page its database was too busy or unreachable to render is a
// 503 with Retry-After, as a route handler answers the same failure (respond.ts); any other failure keeps Next's status and page.
import type { NextPageContext } from "next";
import { retryAfterHeader } from "../errors/app-error";
import { knownError } from "../errors/known-error";

/** `busy`: the page says the feed is busy instead of Next's error page. */
export type TErrorPageProps = { statusCode: number; busy: boolean };

/** The error page's getInitialProps: `err` is what the page's getStaticProps (or render) threw. */
export function errorPageProps({ res, err }: Pick<NextPageContext, "res" | "err">): TErrorPageProps {
  const known = knownError(err);
  if (res && known?.code === "UNAVAILABLE") {
    res.statusCode = known.status;
    for (const [name, value] of Object.entries(retryAfterHeader(known) ?? {})) res.setHeader(name, value);
    return { statusCode: known.status, busy: true };
  }
  // As Next's own error page reads it.
  return { statusCode: res?.statusCode ?? err?.statusCode ?? 404, busy: false };
}
