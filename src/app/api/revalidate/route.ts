// POST /api/revalidate (Bearer CRON_SECRET): a worker process asks the web app to drop its cached feed pages after an ingestion.
import { revalidatePath, revalidateTag } from "next/cache";
import { requireCron } from "@/server/auth/require-admin";
import { handleRoute } from "@/server/http/respond";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request) => {
  requireCron(request);
  revalidateTag("papers", "max");
  revalidatePath("/", "layout");
  return Response.json({ revalidated: true });
});
