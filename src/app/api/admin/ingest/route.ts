// POST /api/admin/ingest: queue one ingestion run (202 {runId}; 409 {runId} when the same one is already active). GET: recent runs.
import { z } from "zod";
import { requireAdmin } from "@/server/auth/require-admin";
import { ZRowId } from "@/core/row-id";
import { MAX_PASTE_BYTES } from "@/server/http/body-limits";
import { readJsonBody } from "@/server/http/read-body";
import { handleRoute } from "@/server/http/respond";
import { ZIngestRequest } from "@/server/ingest/ingest-params";
import { queueIngest, readIngestRuns } from "@/server/ingest/ingest-service";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request) => {
  const actor = await requireAdmin(request);
  const body = await readJsonBody(request, MAX_PASTE_BYTES, 'e.g. {"source":"hf-daily","date":"2026-05-08"}');
  const run = await queueIngest({ request: ZIngestRequest.parse(body), actor });
  return Response.json({ runId: run.id, status: run.status, runKey: run.runKey }, { status: 202, headers: { Location: `/api/admin/ingest/runs/${run.id}` } });
});

const ZListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: ZRowId.optional(),
});

export const GET = handleRoute(async (request: Request) => {
  await requireAdmin(request);
  const query = ZListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await readIngestRuns(query), { headers: { "Cache-Control": "no-store" } });
});
