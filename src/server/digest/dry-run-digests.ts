// `npm run digest -- --dry-run`: who would get which papers now, read in keyset batches, nothing written or sent.
import type { TDigestFrequency } from "@/core/digest";
import { digestPeriodKey } from "@/core/digest";
import type { Db } from "../db";
import { buildDigestMail } from "./build-digest-mail";
import type { TDigestSettings } from "./digest-settings";
import { loadDigestPapers, lookbackStart } from "./load-digest-papers";
import { periodStart, SUBSCRIBER_BATCH } from "./run-digest";
import { FREQUENCIES } from "./trigger-digests";

export type TDryRunEntry = { period: string; subscriberId: number; email: string; subject: string | null; titles: string[] };

export async function* dryRunDigests(opts: {
  db: Db;
  now: Date;
  settings: TDigestSettings;
  frequencies?: readonly TDigestFrequency[];
}): AsyncGenerator<TDryRunEntry> {
  for (const frequency of opts.frequencies ?? FREQUENCIES) {
    const period = digestPeriodKey(frequency, opts.now);
    const papers = await loadDigestPapers({ db: opts.db, frequency, now: opts.now });
    let afterId = 0;
    for (;;) {
      const batch = await opts.db.subscriber.findMany({
        where: {
          id: { gt: afterId },
          status: "confirmed",
          frequency,
          OR: [{ lastDigestAt: null }, { lastDigestAt: { lt: periodStart(frequency, opts.now) } }],
          deliveries: { none: { period } },
        },
        orderBy: { id: "asc" },
        take: SUBSCRIBER_BATCH,
        include: { sentPapers: { where: { sentAt: { gte: lookbackStart("weekly", opts.now) } }, select: { paperId: true } } },
      });
      if (batch.length === 0) break;
      for (const s of batch) {
        const recipient = { ...s, subscriberId: s.id, sentPaperIds: s.sentPapers.map((p) => p.paperId) };
        const built = buildDigestMail({ settings: opts.settings, recipient, period, papers, now: opts.now });
        yield { period, subscriberId: s.id, email: s.email, subject: built?.mail.subject ?? null, titles: built?.titles ?? [] };
      }
      afterId = batch[batch.length - 1]!.id;
    }
  }
}
