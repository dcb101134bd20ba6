// POST /api/revalidate (Bearer CRON_SECRET): ingestion calls it after writing so cached pages, feeds and API reads refresh.
import { requireCron } from "@/server/auth/require-admin";
import { getConfig } from "@/server/config";
import { revalidateFeed } from "@/server/feed/revalidate-feed";
import { handleRoute } from "@/server/http/respond";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request) => {
  requireCron(request);
  await revalidateFeed(getConfig().CRON_SECRET);
  return Response.json({ revalidated: true });
});
