// robots.txt: everything public is crawlable except the admin, API and search result pages; points at the sitemap.
import { serveRobots } from "@/server/feed/serve-site-files";
import { handleRoute, otherMethods } from "@/server/http/respond";

export const GET = handleRoute(async () => serveRobots());
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
