// What the digest mailer needs from the configuration, in one plain object that tests and the bench can build directly.
import type { TConfig } from "../config";

export type TDigestSettings = {
  appUrl: string;
  appSecret: string;
  bounceLimit: number;
  /** Messages per second per process (token bucket). */
  mailRate: number;
  /** Claimed batches in flight per process (two per pooled connection), so the next rows are already claimed while others are being sent. */
  concurrency: number;
  /** Digests built and handed to SMTP at once per process: every pooled connection busy, one more queued behind each. */
  sendWindow: number;
  /** Papers per digest. */
  limit: number;
  /**
   * A claimed row not handed to SMTP within this long is given back for a retry instead, so a row
   * `sending` for longer than STRANDED_AFTER_MS can only belong to a process that stopped.
   */
  sendWithinMs: number;
};

export function digestSettingsFrom(config: TConfig): TDigestSettings {
  return {
    appUrl: config.APP_URL,
    appSecret: config.APP_SECRET,
    bounceLimit: config.BOUNCE_LIMIT,
    mailRate: config.MAIL_RATE,
    concurrency: Math.max(2, config.MAIL_POOL_SIZE * 2),
    sendWindow: Math.max(2, config.MAIL_POOL_SIZE * 2),
    limit: 10,
    sendWithinMs: 2 * 60_000,
  };
}
