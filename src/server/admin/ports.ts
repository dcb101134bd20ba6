// The admin console's seams to other capabilities: one small interface, wired here to the real implementations this build has.
import { z } from "zod";
import { SOURCE_IDS } from "@/core/sources";
import type { TConfig } from "../config";
import type { Db } from "../db";
import { ZIngestRequest } from "../ingest/ingest-params";
import { webEnqueue } from "../ingest/ingest-queue";
import { triggerIngest } from "../ingest/trigger-ingest";
import { createMailer } from "../mail/mailer";
import { recordAudit } from "../repo/audit-log";
import { previewSubscriberDigest, sendTestDigest, type TDigestPreview } from "./digest-admin";
import { pasteListing } from "./paste-listing";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD");

/** What the ingestion form sends: a source and at most one of date, week or month, plus an optional category or URL. */
export const ZTriggerIngest = z
  .object({
    source: z.enum(SOURCE_IDS.filter((s) => s !== "text") as [string, ...string[]]),
    date: day.optional(),
    week: z
      .string()
      .regex(/^\d{4}-W\d{2}$/, "use YYYY-Www, e.g. 2026-W48")
      .optional(),
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/, "use YYYY-MM")
      .optional(),
    category: z
      .string()
      .regex(/^[a-z-]+(\.[A-Za-z-]+)?$/, "use an arXiv category such as cs.LG")
      .optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
  })
  .refine((v) => [v.date, v.week, v.month].filter(Boolean).length <= 1, { message: "choose one of date, week or month" });

export type TTriggerIngest = z.infer<typeof ZTriggerIngest>;

export type TAdminPorts = {
  triggerIngest(input: TTriggerIngest & { actor: string }): Promise<{ runId: number }>;
  sendTestDigest(input: { actor: string; to: string }): Promise<{ messageId: string; subject: string; papers: number }>;
  previewNextDigest(input: { email: string }): Promise<TDigestPreview>;
  pasteListing(input: {
    actor: string;
    body: string;
  }): Promise<{ runId: number; status: string; found: number; inserted: number; updated: number; skipped: number }>;
};

/** The real collaborators: ingestion runs, the digest mailer and the text source. */
export function createAdminPorts(opts: { db: Db; config: TConfig; now: () => Date }): TAdminPorts {
  const { db, config, now } = opts;
  const links = { appUrl: config.APP_URL, secret: config.APP_SECRET };
  return {
    async triggerIngest({ actor, ...request }) {
      const body = Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined && v !== ""));
      const { source, ...params } = ZIngestRequest.parse(body);
      const url = config.DATABASE_URL ?? process.env.DATABASE_URL;
      const run = await triggerIngest({ db, enqueue: url ? webEnqueue(url) : undefined, source, params, trigger: "admin", actor });
      return { runId: run.id };
    },
    async sendTestDigest({ actor, to }) {
      const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, db, poolSize: 1 });
      try {
        return await sendTestDigest({ db, mailer, actor, to, now: now(), ...links });
      } finally {
        await mailer.close();
      }
    },
    previewNextDigest: ({ email }) => previewSubscriberDigest({ db, email, now: now(), ...links }),
    pasteListing: ({ actor, body }) => pasteListing({ db, actor, body, now: now() }),
  };
}

/** Starts a run through the port and audits the request with its parameters. */
export async function triggerIngestion(opts: { db: Db; ports: TAdminPorts; actor: string; input: TTriggerIngest; now: Date }): Promise<{ runId: number }> {
  const result = await opts.ports.triggerIngest({ ...opts.input, actor: opts.actor });
  await recordAudit({ db: opts.db, actor: opts.actor, action: "ingest.trigger", params: { ...opts.input, runId: result.runId }, now: opts.now });
  return result;
}
