// sitemap.xml: the front page, every listing day and visible paper pages (hidden papers never appear), cached until the feed changes.
import { serveSitemap } from "@/server/feed/serve-site-files";
import { handleRoute, otherMethods } from "@/server/http/respond";

export const revalidate = 3600;

export const GET = handleRoute(serveSitemap);
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
