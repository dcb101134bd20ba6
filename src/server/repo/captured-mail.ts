// Reads of mail captured locally when SMTP_URL is unset, for the /admin/mail viewer.
import type { Db } from "../db";

export type TCapturedMailSummary = { id: number; to: string; subject: string; createdAt: Date };
export type TCapturedMail = TCapturedMailSummary & {
  from: string;
  messageId: string | null;
  text: string | null;
  html: string | null;
  headers: Record<string, string>;
};

/** Newest first, keyed on the last id seen (never OFFSET). */
export async function listCapturedMail(opts: { db: Db; limit?: number; beforeId?: number; to?: string }): Promise<TCapturedMailSummary[]> {
  return opts.db.capturedMail.findMany({
    where: { ...(opts.beforeId ? { id: { lt: opts.beforeId } } : {}), ...(opts.to ? { to: opts.to } : {}) },
    orderBy: { id: "desc" },
    take: opts.limit ?? 50,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
}

function stringHeaders(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
}

export async function getCapturedMail(opts: { db: Db; id: number }): Promise<TCapturedMail | null> {
  const row = await opts.db.capturedMail.findUnique({ where: { id: opts.id } });
  return row ? { ...row, headers: stringHeaders(row.headers) } : null;
}

/** Keeps a rendered message for the viewer instead of sending it. */
export async function storeCapturedMail(opts: {
  db: Db;
  mail: { messageId: string; from: string; to: string; subject: string; text: string; html: string | null; headers: Record<string, string> };
}): Promise<void> {
  await opts.db.capturedMail.create({ data: opts.mail });
}
