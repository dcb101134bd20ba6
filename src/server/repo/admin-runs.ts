// Ingestion and digest run history for the admin console, read straight from ingest_runs and digest_runs.
import type { Db } from "../db";
import { day } from "./paper-record";

type TRunError = { message: string; item?: string };

export type TAdminIngestRun = {
  id: number;
  source: string;
  params: Record<string, unknown>;
  trigger: string;
  status: "queued" | "running" | "succeeded" | "partial" | "failed";
  reason: string | null;
  found: number;
  expected: number | null;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: TRunError[];
  newestListedOn: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export type TAdminDigestRun = {
  id: number;
  period: string;
  trigger: string;
  status: string;
  due: number;
  sent: number;
  skipped: number;
  failed: number;
  retried: number;
  durationMs: number | null;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  failures: { subscriberId: number; lastError: string | null }[];
};

function toRunErrors(value: unknown): TRunError[] {
  if (!Array.isArray(value)) return [];
  return value.map((e) => {
    if (typeof e === "string") return { message: e };
    const rec = (e ?? {}) as Record<string, unknown>;
    const item = rec.item ?? rec.index ?? rec.id;
    return { message: String(rec.message ?? rec.error ?? JSON.stringify(e)), item: item === undefined ? undefined : String(item) };
  });
}

type TIngestRow = Omit<TAdminIngestRun, "params" | "errors" | "newestListedOn"> & { params: unknown; errors: unknown; newestListedOn: Date | null };

const toIngestRun = (r: TIngestRow): TAdminIngestRun => ({
  ...r,
  params: (r.params ?? {}) as Record<string, unknown>,
  errors: toRunErrors(r.errors),
  newestListedOn: r.newestListedOn ? day(r.newestListedOn) : null,
});

const ingestSelect = {
  id: true,
  source: true,
  params: true,
  trigger: true,
  status: true,
  reason: true,
  found: true,
  expected: true,
  inserted: true,
  updated: true,
  unchanged: true,
  skipped: true,
  errors: true,
  newestListedOn: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
} as const;

export async function listIngestRunsForAdmin(opts: { db: Db; source?: string; limit?: number }): Promise<TAdminIngestRun[]> {
  const rows = await opts.db.ingestRun.findMany({
    where: opts.source ? { source: opts.source } : undefined,
    orderBy: { id: "desc" },
    take: opts.limit ?? 30,
    select: ingestSelect,
  });
  return rows.map(toIngestRun);
}

/** The latest `perSource` runs of every source that has any, for the health table. */
export async function listRecentRunsBySource(opts: { db: Db; perSource: number }): Promise<Map<string, TAdminIngestRun[]>> {
  const ids = await opts.db.$queryRaw<{ id: number }[]>`
    SELECT id FROM (
      SELECT id, row_number() OVER (PARTITION BY source ORDER BY "createdAt" DESC, id DESC) AS n FROM ingest_runs
    ) ranked WHERE n <= ${opts.perSource}`;
  const rows = await opts.db.ingestRun.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: { id: "desc" }, select: ingestSelect });
  const bySource = new Map<string, TAdminIngestRun[]>();
  for (const row of rows) bySource.set(row.source, [...(bySource.get(row.source) ?? []), toIngestRun(row)]);
  return bySource;
}

/** The newest listing day among stored papers each source has listed. */
export async function newestListingDayBySource(opts: { db: Db }): Promise<Map<string, string>> {
  const rows = await opts.db.$queryRaw<{ source: string; newest: Date }[]>`
    SELECT s AS source, max("listedOn") AS newest FROM papers, unnest(sources) AS s GROUP BY s`;
  return new Map(rows.map((r) => [r.source, day(r.newest)]));
}

export async function listDigestRunsForAdmin(opts: { db: Db; limit?: number }): Promise<TAdminDigestRun[]> {
  const runs = await opts.db.digestRun.findMany({
    orderBy: { id: "desc" },
    take: opts.limit ?? 30,
    include: { deliveries: { where: { status: "failed" }, select: { subscriberId: true, lastError: true }, take: 20 } },
  });
  return runs.map(({ deliveries, ...run }) => ({ ...run, failures: deliveries }));
}
