// POST /api/admin/ingest: queue one ingestion run (202 {runId}; 409 {runId} when the same one is already active). GET: recent runs.
import { z } from "zod";
import { requireAdmin } from "@/server/auth/require-admin";
import { handleRoute } from "@/server/http/respond";
import { ZIngestRequest } from "@/server/ingest/ingest-params";
import { queueIngest, readIngestRuns, readJsonBody } from "@/server/ingest/ingest-service";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request) => {
  const actor = await requireAdmin(request);
  const run = await queueIngest({ request: ZIngestRequest.parse(await readJsonBody(request)), actor });
  return Response.json({ runId: run.id, status: run.status, runKey: run.runKey }, { status: 202, headers: { Location: `/api/admin/ingest/runs/${run.id}` } });
});

const ZListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
});

export const GET = handleRoute(async (request: Request) => {
  await requireAdmin(request);
  const query = ZListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await readIngestRuns(query), { headers: { "Cache-Control": "no-store" } });
});
