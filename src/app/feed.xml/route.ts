// The trending rss feed, cached like the front page and revalidated on ingestion.
import { serveFeed } from "@/server/feed/serve-feed";
import { handleRoute, otherMethods } from "@/server/http/respond";

export const revalidate = 3600;

export const GET = handleRoute(() => serveFeed("rss", null));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
