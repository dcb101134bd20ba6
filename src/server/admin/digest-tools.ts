// The admin's digest tools bound to this process: preview a subscriber's next digest, and mail a test digest.
import { previewNextDigest, sendTestDigest, type TDigestPreview } from "../digest/preview-digest";
import { digestSettingsFrom } from "../digest/digest-settings";
import { isAppError } from "../errors/app-error";
import { createMailer } from "../mail/mailer";
import { adminContext } from "./admin-context";

export type TDigestPreviewResult = { ok: true; preview: TDigestPreview } | { ok: false; email: string; message: string };

/** For the digests page: the preview, or why there is none (no such subscriber). */
export async function loadDigestPreview(email: string): Promise<TDigestPreviewResult> {
  const { db, config, now } = adminContext();
  try {
    return { ok: true, preview: await previewNextDigest({ db, email, now, settings: digestSettingsFrom(config) }) };
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") return { ok: false, email, message: err.userMessage };
    throw err;
  }
}

/** A test digest over the configured transport (captured for /admin/mail when SMTP_URL is unset), on a connection of its own. */
export async function mailTestDigest(opts: { actor: string; to: string }) {
  const { db, config, now } = adminContext();
  const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, db, poolSize: 1 });
  try {
    return await sendTestDigest({ db, mailer, actor: opts.actor, to: opts.to, now, settings: digestSettingsFrom(config) });
  } finally {
    await mailer.close();
  }
}
