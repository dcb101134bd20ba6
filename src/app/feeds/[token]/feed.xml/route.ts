// A subscriber's private rss feed of their own digest selection (src/server/feed/private-feed.ts): uncached, 410 once rotated.
import { handleRoute, otherMethods } from "@/server/http/respond";
import { privateFeed } from "@/server/subscriptions/subscription-service";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (_request: Request, { params }: { params: Promise<{ token: string }> }) => privateFeed((await params).token, "rss"));
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
