// Site-wide titles and descriptions, shared by the App Router metadata and the front page's <Head>.
export const SITE_NAME = "paper-digest";
export const SITE_TITLE = "paper-digest: trending ML papers";
export const SITE_DESCRIPTION = "Trending and daily machine-learning papers, with code, upvotes and a personal email digest.";
export const FEED_ALTERNATES = { "application/rss+xml": "/feed.xml", "application/atom+xml": "/atom.xml", "application/feed+json": "/feed.json" } as const;
export const THEME_COLORS = { light: "#ffffff", dark: "#0b0f19" } as const;
export const FAVICON = "/favicon.svg";
