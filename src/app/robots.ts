// robots.txt: everything public is crawlable except the admin, API and search result pages; points at the sitemap.
import type { MetadataRoute } from "next";
import { getConfig } from "@/server/config";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/api/", "/search", "/subscription/"] }],
    sitemap: `${getConfig().APP_URL}/sitemap.xml`,
  };
}
