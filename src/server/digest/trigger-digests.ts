// One trigger (cron route, CLI, schedule): a run for today's daily period and one for this ISO week's weekly period.
// Triggering the weekly run every day is harmless: the ledger's (subscriber, period) key lets it send once a week.
import type { TDigestFrequency } from "@/core/digest";
import type { Db } from "../db";
import type { Mailer } from "../mail/mailer";
import type { TDigestRun } from "../repo/digest-runs";
import { sweepDigestRuns } from "./digest-liveness";
import type { TDigestSettings } from "./digest-settings";
import { createRateLimiter } from "./rate-limiter";
import { runDigest, type TEnqueue } from "./run-digest";

export const FREQUENCIES: readonly TDigestFrequency[] = ["daily", "weekly"];

export async function triggerDigests(opts: {
  db: Db;
  now: Date;
  trigger: string;
  settings: TDigestSettings;
  mailer?: Mailer;
  enqueue?: TEnqueue;
  frequencies?: readonly TDigestFrequency[];
  onProgress?: (frequency: TDigestFrequency, done: number, due: number) => void;
}): Promise<TDigestRun[]> {
  // A cron-only setup has no worker sweeping, so each trigger first fails the runs of dead processes.
  await sweepDigestRuns({ db: opts.db });
  const limiter = createRateLimiter(opts.settings.mailRate);
  const runs: TDigestRun[] = [];
  for (const frequency of opts.frequencies ?? FREQUENCIES) {
    runs.push(
      await runDigest({
        db: opts.db,
        frequency,
        now: opts.now,
        trigger: opts.trigger,
        settings: opts.settings,
        mailer: opts.mailer,
        limiter,
        enqueue: opts.enqueue,
        onProgress: opts.onProgress && ((done, due) => opts.onProgress!(frequency, done, due)),
      }),
    );
  }
  return runs;
}
