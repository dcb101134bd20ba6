// GET|POST /api/cron/digest (Authorization: Bearer CRON_SECRET): starts the current daily and weekly runs, answers with ids and counts.
// GET is accepted because hosted cron services call GET; the bearer secret, not the method, guards this state change.
import { queryValues } from "@/core/query-values";
import { z } from "zod";
import { requireCron } from "@/server/auth/require-admin";
import { getConfig } from "@/server/config";
import { getDb } from "@/server/db";
import { runConfiguredDigests } from "@/server/digest/run-configured-digests";
import { AppError } from "@/server/errors/app-error";
import { handleRoute, otherMethods } from "@/server/http/respond";

export const dynamic = "force-dynamic";

const ZDigestQuery = z.object({ mode: z.enum(["inline", "queue"]).default("inline") });

const trigger = handleRoute(async (request: Request) => {
  requireCron(request);
  const query = ZDigestQuery.parse(queryValues(new URL(request.url).searchParams));
  const config = getConfig();
  const databaseUrl = config.DATABASE_URL ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new AppError("UNAVAILABLE", "DATABASE_URL is not set.");
  const result = await runConfiguredDigests({ db: getDb(), config, databaseUrl, now: new Date(), trigger: "cron", mode: query.mode });
  return Response.json(
    {
      mode: result.mode,
      runIds: result.runs.map((r) => r.id),
      runs: result.runs.map(({ id, period, status, due, sent, skipped, failed, retried, durationMs }) => ({
        id,
        period,
        status,
        due,
        sent,
        skipped,
        failed,
        retried,
        durationMs,
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});

export const GET = trigger;
export const POST = trigger;

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET", "POST");
