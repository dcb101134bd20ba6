// The subscribers CSV export: streamed in keyset batches, so a large list never sits in memory, and audited.
import type { Db } from "../db";
import { listSubscribersAfter, type TAdminSubscriber } from "../repo/admin-subscribers";
import { recordAudit } from "../repo/audit-log";

const CSV_COLUMNS = [
  "id",
  "email",
  "status",
  "frequency",
  "keywords",
  "categories",
  "only_with_code",
  "min_upvotes",
  "bounce_count",
  "confirmed_at",
  "last_digest_at",
  "created_at",
] as const;

/** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function subscriberCsvRow(s: TAdminSubscriber): string {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return [
    s.id,
    s.email,
    s.status,
    s.frequency,
    s.keywords.join(" "),
    s.categories.join(" "),
    s.onlyWithCode,
    s.minUpvotes,
    s.bounceCount,
    iso(s.confirmedAt),
    iso(s.lastDigestAt),
    iso(s.createdAt),
  ]
    .map(csvCell)
    .join(",");
}

export async function exportSubscribersCsv(opts: { db: Db; actor: string; now: Date; batch?: number }): Promise<ReadableStream<Uint8Array>> {
  await recordAudit({ db: opts.db, actor: opts.actor, action: "subscribers.export", params: { format: "csv" }, now: opts.now });
  const encoder = new TextEncoder();
  const batch = opts.batch ?? 1000;
  let afterId = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(CSV_COLUMNS.join(",") + "\r\n"));
        return;
      }
      const rows = await listSubscribersAfter({ db: opts.db, afterId, batch });
      if (rows.length === 0) return controller.close();
      afterId = rows[rows.length - 1]!.id;
      controller.enqueue(encoder.encode(rows.map((r) => subscriberCsvRow(r) + "\r\n").join("")));
    },
  });
}
