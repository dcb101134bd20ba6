// POST /api/admin/ingest: queue one ingestion run (202 {runId}; 409 {runId} when the same one is already active). GET: recent runs.
import { queryValues } from "@/core/query-values";
import type { z } from "zod";
import { requireAdmin } from "@/server/auth/require-admin";
import { ZIngestListQuery, type ZIngestQueued, type ZIngestRunPage } from "@/server/http/api-schemas";
import { MAX_PASTE_BYTES } from "@/server/http/body-limits";
import { readJsonBody } from "@/server/http/read-body";
import { handleRoute, otherMethods } from "@/server/http/respond";
import { ZIngestRequest } from "@/server/ingest/ingest-params";
import { queueIngest, readIngestRuns } from "@/server/ingest/ingest-service";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request) => {
  const actor = await requireAdmin(request);
  const body = await readJsonBody(request, MAX_PASTE_BYTES, 'e.g. {"source":"hf-daily","date":"2026-05-08"}');
  const run = await queueIngest({ request: ZIngestRequest.parse(body), actor });
  const answer: z.output<typeof ZIngestQueued> = { runId: run.id, status: run.status, runKey: run.runKey };
  return Response.json(answer, { status: 202, headers: { Location: `/api/admin/ingest/runs/${run.id}` } });
});

export const GET = handleRoute(async (request: Request) => {
  await requireAdmin(request);
  const query = ZIngestListQuery.parse(queryValues(new URL(request.url).searchParams));
  const page: z.output<typeof ZIngestRunPage> = await readIngestRuns(query);
  return Response.json(page, { headers: { "Cache-Control": "no-store" } });
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
