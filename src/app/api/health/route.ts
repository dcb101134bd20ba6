// GET /api/health: 200 when the database is reachable and migrated, 503 with a reason otherwise.
import type { z } from "zod";
import { getDb } from "@/server/db";
import { checkHealth } from "@/server/health/check-health";
import { describeError } from "@/server/errors/describe-error";
import { logger } from "@/server/logger";
import type { ZHealthReady, ZHealthUnavailable } from "@/server/http/api-schemas";
import { otherMethods } from "@/server/http/respond";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  let health;
  try {
    health = await checkHealth({ db: getDb() });
  } catch (err) {
    logger.error({ err: describeError(err) }, "health check failed");
    health = { ok: false as const, reason: "health check failed" };
  }
  const body: z.output<typeof ZHealthReady> | z.output<typeof ZHealthUnavailable> = health.ok
    ? { status: "ok", migrations: health.migrations }
    : { status: "unavailable", reason: health.reason };
  return Response.json(body, {
    status: health.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
