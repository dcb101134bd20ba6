// The trending atom feed, cached like the front page and revalidated on ingestion.
import { serveFeed } from "@/server/feed/serve-feed";
import { handleRoute, otherMethods } from "@/server/http/respond";

export const revalidate = 3600;

export const GET = handleRoute(() => serveFeed("atom", null));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
