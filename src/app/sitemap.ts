// sitemap.xml: the front page, every listing day and visible paper pages (hidden papers never appear).
import type { MetadataRoute } from "next";
import { paperPath } from "@/core/digest/paper-links";
import { getConfig } from "@/server/config";
import { loadOrFallback, loadSitemapEntries } from "@/server/feed/load-feed";

export const revalidate = 3600;

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const base = getConfig().APP_URL;
  const { papers, days } = await loadOrFallback(loadSitemapEntries, { papers: [], days: [] });
  return [
    { url: `${base}/`, changeFrequency: "hourly", priority: 1 },
    ...days.map((day) => ({ url: `${base}/papers/date/${day}`, changeFrequency: "daily" as const, priority: 0.6 })),
    ...papers.map((p) => ({ url: `${base}${paperPath(p)}`, lastModified: p.updatedAt, changeFrequency: "weekly" as const, priority: 0.5 })),
  ];
}
