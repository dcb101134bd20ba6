// The admin audit trail: who did what, when, with which parameters.
import { jsonValue } from "@/core/json-value";
import type { Prisma } from "@/generated/prisma/client";
import type { Db, TDbOrTx } from "../db";

export type TAuditEntry = { id: number; actor: string; action: string; params: Record<string, unknown>; createdAt: Date };

export async function recordAudit(opts: { db: TDbOrTx; actor: string; action: string; params?: Record<string, unknown>; now: Date }): Promise<void> {
  await opts.db.auditLog.create({
    data: { actor: opts.actor, action: opts.action, params: jsonValue(opts.params ?? {}) as Prisma.InputJsonObject, createdAt: opts.now },
  });
}

export async function listAudit(opts: { db: Db; limit?: number; action?: string }): Promise<TAuditEntry[]> {
  const rows = await opts.db.auditLog.findMany({
    where: opts.action ? { action: opts.action } : undefined,
    orderBy: { id: "desc" },
    take: opts.limit ?? 50,
  });
  return rows.map((r) => ({ ...r, params: (r.params ?? {}) as Record<string, unknown> }));
}
