// The json feed of any search or filter (same parameters as /search); 400 with a message on a bad parameter.
import { serveFeed } from "@/server/feed/serve-feed";
import { handleRoute, otherMethods } from "@/server/http/respond";

export const GET = handleRoute(async (request: Request) => serveFeed("json", new URL(request.url).searchParams));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
