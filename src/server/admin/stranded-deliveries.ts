// Deliveries a stopped process left `sending`: the audited "release for retry" the digests page offers.
import { digestPeriodKey } from "@/core/digest";
import type { TConfig } from "../config";
import type { Db } from "../db";
import { runConfiguredDigests } from "../digest/run-configured-digests";
import { FREQUENCIES } from "../digest/trigger-digests";
import { AppError } from "../errors/app-error";
import { recordAudit } from "../repo/audit-log";
import { releaseStrandedDeliveries } from "../repo/deliveries";

export type TReleaseResult = { released: number; closed: number; runIds: number[] };

/**
 * Releases every stranded delivery (see releaseStrandedDeliveries), audits it, then queues a run for
 * each current period that got rows back, so they go out now rather than at the next scheduled trigger.
 */
export async function releaseStrandedDigests(opts: { db: Db; config: TConfig; actor: string; now: Date }): Promise<TReleaseResult> {
  const { db, now } = opts;
  const periodOf = new Map(FREQUENCIES.map((f) => [digestPeriodKey(f, now), f]));
  const { released, closed } = await releaseStrandedDeliveries({ db, currentPeriods: [...periodOf.keys()], now });
  if (released.length + closed.length === 0) {
    throw new AppError("CONFLICT", "no stranded deliveries", { userMessage: "No delivery is stranded: there is nothing to release." });
  }
  await recordAudit({
    db,
    actor: opts.actor,
    action: "digest.release_stranded",
    params: { released: released.map((r) => r.id), closed: closed.map((r) => r.id), periods: [...new Set([...released, ...closed].map((r) => r.period))] },
    now,
  });
  const frequencies = [...new Set(released.map((r) => periodOf.get(r.period)!))];
  if (frequencies.length === 0) return { released: 0, closed: closed.length, runIds: [] };
  const databaseUrl = opts.config.DATABASE_URL ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new AppError("UNAVAILABLE", "DATABASE_URL is not set.");
  const { runs } = await runConfiguredDigests({ db, config: opts.config, databaseUrl, now, trigger: "admin", mode: "queue", frequencies });
  return { released: released.length, closed: closed.length, runIds: runs.map((r) => r.id) };
}
