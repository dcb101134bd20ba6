// GET|POST /api/cron/ingest (Bearer CRON_SECRET): queue a run for each INGEST_SOURCES entry; 202 with the run ids.
import { requireCron } from "@/server/auth/require-admin";
import { handleRoute, otherMethods } from "@/server/http/respond";
import { queueConfiguredIngest } from "@/server/ingest/ingest-service";

export const dynamic = "force-dynamic";

// GET is accepted because hosted cron services can only send GET; it only queues the same idempotent runs as POST.
const trigger = handleRoute(async (request: Request) => {
  requireCron(request);
  const runs = await queueConfiguredIngest({ trigger: "cron" });
  return Response.json({ runs }, { status: 202, headers: { "Cache-Control": "no-store" } });
});

export const GET = trigger;
export const POST = trigger;

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
