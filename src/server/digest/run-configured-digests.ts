// Wires the real database, mailer and queue from the configuration into one trigger; used by the cron route and the CLI.
import type { TDigestFrequency } from "@/core/digest";
import type { TConfig } from "../config";
import type { Db } from "../db";
import { startQueue } from "../jobs/queue";
import { createMailer } from "../mail/mailer";
import type { TDigestRun } from "../repo/digest-runs";
import { queueEnqueuer } from "./digest-queue";
import { digestSettingsFrom } from "./digest-settings";
import { triggerDigests } from "./trigger-digests";

export type TDigestMode = "inline" | "queue";

export type TDigestTriggerResult = { mode: TDigestMode; runs: TDigestRun[] };

/** `inline` sends in this process and answers with final counts; `queue` hands deliveries to the pg-boss workers and answers with `due`. */
export async function runConfiguredDigests(opts: {
  db: Db;
  config: TConfig;
  databaseUrl: string;
  now: Date;
  trigger: string;
  mode: TDigestMode;
  /** Both by default. */
  frequencies?: readonly TDigestFrequency[];
  onProgress?: Parameters<typeof triggerDigests>[0]["onProgress"];
}): Promise<TDigestTriggerResult> {
  const settings = digestSettingsFrom(opts.config);
  const trigger = { db: opts.db, now: opts.now, trigger: opts.trigger, settings, frequencies: opts.frequencies };
  if (opts.mode === "queue") {
    const boss = await startQueue({ connectionString: opts.databaseUrl, max: 2 });
    try {
      return { mode: "queue", runs: await triggerDigests({ ...trigger, enqueue: queueEnqueuer(boss) }) };
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  }
  const mailer = createMailer({ smtpUrl: opts.config.SMTP_URL, from: opts.config.MAIL_FROM, db: opts.db, poolSize: opts.config.MAIL_POOL_SIZE });
  try {
    return { mode: "inline", runs: await triggerDigests({ ...trigger, mailer, onProgress: opts.onProgress }) };
  } finally {
    await mailer.close();
  }
}
