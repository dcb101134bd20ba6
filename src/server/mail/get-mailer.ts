// The process's one mailer, built from config: pooled SMTP when SMTP_URL is set, otherwise captured for /admin/mail.
import { getConfig } from "../config";
import { getDb } from "../db";
import { createMailer, type Mailer } from "./mailer";

const globalForMailer = globalThis as unknown as { paperDigestMailer?: Mailer };

export function getMailer(): Mailer {
  if (globalForMailer.paperDigestMailer) return globalForMailer.paperDigestMailer;
  const config = getConfig();
  globalForMailer.paperDigestMailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, db: getDb(), poolSize: config.MAIL_POOL_SIZE });
  return globalForMailer.paperDigestMailer;
}
