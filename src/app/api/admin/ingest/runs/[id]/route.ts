// GET /api/admin/ingest/runs/<id>: one run's status, progress, counts, errors and timings.
import { requireAdmin } from "@/server/auth/require-admin";
import { handleRoute } from "@/server/http/respond";
import { readIngestRun } from "@/server/ingest/ingest-service";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  await requireAdmin(request);
  const run = await readIngestRun({ id: (await ctx.params).id });
  return Response.json(run, { headers: { "Cache-Control": "no-store" } });
});
