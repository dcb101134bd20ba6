// GET /api/admin/ingest/runs/<id>: one run's status, progress, counts, errors and timings.
import type { z } from "zod";
import { requireAdmin } from "@/server/auth/require-admin";
import type { ZIngestRunResponse } from "@/server/http/api-schemas";
import { handleRoute, otherMethods } from "@/server/http/respond";
import { readIngestRun } from "@/server/ingest/ingest-service";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request, ctx: { params: Promise<{ id: string }> }) => {
  await requireAdmin(request);
  const run: z.output<typeof ZIngestRunResponse> = await readIngestRun({ id: (await ctx.params).id });
  return Response.json(run, { headers: { "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
