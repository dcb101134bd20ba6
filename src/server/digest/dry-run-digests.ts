// `npm run digest -- --dry-run`: who would get which papers now, read in keyset batches, nothing written or sent.
import { currentPeriodStart, digestPeriodKey, type TDigestFrequency } from "@/core/digest";
import type { Db } from "../db";
import { listDueRecipients } from "../repo/digest-recipients";
import { buildDigestMail } from "./build-digest-mail";
import type { TDigestSettings } from "./digest-settings";
import { loadDigestPapers, lookbackStart } from "./load-digest-papers";
import { SUBSCRIBER_BATCH } from "./run-digest";
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
    const batch = {
      frequency,
      period,
      periodStart: currentPeriodStart(frequency, opts.now),
      sentSince: lookbackStart("weekly", opts.now),
      limit: SUBSCRIBER_BATCH,
    };
    for (let afterId = 0; ;) {
      const recipients = await listDueRecipients({ db: opts.db, ...batch, afterId });
      if (recipients.length === 0) break;
      for (const recipient of recipients) {
        const built = buildDigestMail({ settings: opts.settings, recipient, period, papers, now: opts.now });
        yield {
          period,
          subscriberId: recipient.subscriberId,
          email: recipient.email,
          subject: built?.mail.subject ?? null,
          titles: built?.items.map((i) => i.paper.title) ?? [],
        };
      }
      afterId = recipients.at(-1)!.subscriberId;
    }
  }
}
