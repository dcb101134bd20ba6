// POST /api/revalidate (Bearer CRON_SECRET): ingestion calls it after writing so cached pages, feeds and API reads refresh.
import { revalidatePath, revalidateTag } from "next/cache";
import { requireCron } from "@/server/auth/require-admin";
import { handleRoute } from "@/server/http/respond";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request) => {
  requireCron(request);
  revalidateTag("papers", { expire: 0 });
  revalidatePath("/", "layout");
  return Response.json({ revalidated: true });
});
