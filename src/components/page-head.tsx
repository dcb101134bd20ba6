// The <head> of the zero-JS Pages Router pages (the feed's lists, period pages, paper pages and search), saying what App Router metadata says.
import Head from "next/head";
import { FAVICON, FEED_ALTERNATES, SITE_DESCRIPTION, SITE_NAME, SITE_TITLE, THEME_COLORS } from "./site-metadata";

export type TPageHeadProps = {
  /** The page's own title; the site title when absent. */
  title?: string;
  description?: string;
  /** The canonical path ("/papers/2401.00001"), made absolute against appUrl. */
  path: string;
  appUrl: string;
  type?: "website" | "article";
  image?: string | null;
  /** Pages search engines should not index (search results, the page after deleting one's data). */
  noindex?: boolean;
};

export function PageHead({ title, description = SITE_DESCRIPTION, path, appUrl, type = "website", image = null, noindex = false }: TPageHeadProps) {
  const fullTitle = title ? `${title} · ${SITE_NAME}` : SITE_TITLE;
  const shareTitle = title ?? SITE_TITLE;
  return (
    <Head>
      <title>{fullTitle}</title>
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="description" content={description} />
      {noindex && <meta name="robots" content="noindex" />}
      <link rel="canonical" href={new URL(path, appUrl).href} />
      <link rel="icon" href={FAVICON} type="image/svg+xml" />
      <meta name="theme-color" media="(prefers-color-scheme: light)" content={THEME_COLORS.light} />
      <meta name="theme-color" media="(prefers-color-scheme: dark)" content={THEME_COLORS.dark} />
      <meta property="og:type" content={type} />
      <meta property="og:site_name" content={SITE_NAME} />
      <meta property="og:title" content={shareTitle} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={new URL(path, appUrl).href} />
      {image && <meta property="og:image" content={image} />}
      <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={shareTitle} />
      <meta name="twitter:description" content={description} />
      {Object.entries(FEED_ALTERNATES).map(([mime, href]) => (
        <link key={mime} rel="alternate" type={mime} href={new URL(href, appUrl).href} />
      ))}
    </Head>
  );
}
