// robots.txt and sitemap.xml, written here instead of by Next's metadata files so they are route handlers like every other file the
// site serves, answering a method they do not take with 405 and Allow (src/server/http/respond.ts, otherMethods).
import { paperPath } from "@/core/digest/paper-links";
import { getConfig } from "../config";
import { escapeXml } from "./feed-item";
import { loadOrFallback, loadSitemapEntries } from "./load-feed";

/** Everything public is crawlable but the admin, API, search result and subscription pages; points at the sitemap. */
export function serveRobots(): Response {
  const lines = ["User-Agent: *", "Allow: /", ...["/admin", "/api/", "/search", "/subscription/"].map((p) => `Disallow: ${p}`), ""];
  lines.push(`Sitemap: ${getConfig().APP_URL}/sitemap.xml`, "");
  return new Response(lines.join("\n"), { headers: { "content-type": "text/plain; charset=utf-8" } });
}

type TSitemapUrl = { loc: string; lastmod?: string; changefreq: string; priority: number };

/** The front page, every listing day and the visible papers' pages (hidden papers never appear). */
export async function serveSitemap(): Promise<Response> {
  const base = getConfig().APP_URL;
  const { papers, days } = await loadOrFallback(loadSitemapEntries, { papers: [], days: [] });
  const urls: TSitemapUrl[] = [
    { loc: `${base}/`, changefreq: "hourly", priority: 1 },
    ...days.map((day) => ({ loc: `${base}/papers/date/${day}`, changefreq: "daily", priority: 0.6 })),
    ...papers.map((p) => ({ loc: `${base}${paperPath(p)}`, lastmod: p.updatedAt, changefreq: "weekly", priority: 0.5 })),
  ];
  const body = urls
    .map(
      (u) =>
        `<url>\n<loc>${escapeXml(u.loc)}</loc>\n${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>\n` : ""}<changefreq>${u.changefreq}</changefreq>\n<priority>${u.priority}</priority>\n</url>`,
    )
    .join("\n");
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8" } });
}
