// Admin session rows: created at sign-in, looked up by every admin check, deleted at sign-out (on every instance at once).
import type { Db, TDbOrTx } from "../db";

export async function insertAdminSession(opts: { db: Db; idHash: string; actor: string; expiresAt: Date; now: Date }): Promise<void> {
  await opts.db.adminSession.create({ data: { id: opts.idHash, actor: opts.actor, expiresAt: opts.expiresAt, createdAt: opts.now } });
}

/** The session's actor while its row exists and has not expired; one primary-key read. */
export async function findAdminSession(opts: { db: Db; idHash: string; now: Date }): Promise<{ actor: string } | null> {
  return opts.db.adminSession.findFirst({ where: { id: opts.idHash, expiresAt: { gt: opts.now } }, select: { actor: true } });
}

export async function deleteAdminSession(opts: { db: TDbOrTx; idHash: string }): Promise<void> {
  await opts.db.adminSession.deleteMany({ where: { id: opts.idHash } });
}

export async function purgeExpiredAdminSessions(opts: { db: Db; now: Date }): Promise<number> {
  return opts.db.adminSession.deleteMany({ where: { expiresAt: { lt: opts.now } } }).then((r) => r.count);
}
