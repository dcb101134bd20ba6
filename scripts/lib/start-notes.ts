// What `npm start` logs once it is ready to serve.
import type { TConfig } from "../../src/server/config";
import { senderDomain } from "../../src/server/mail/mailer";

type TNote = { level: "info" | "warn"; message: string };

const LOCAL_HOST = /^(?:localhost|[^.]+\.localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])$/i;

/**
 * Where the app is, and, with SMTP_URL unset, where its mail is read: the subscribe page tells a visitor to check their inbox, and
 * nothing on the terminal said that the mail was kept in the database instead of sent. With SMTP_URL set, a warning for each default
 * that real mail would carry: links to this machine's localhost, and a sender at `localhost` (also the Message-ID's host).
 */
export function startNotes(config: Pick<TConfig, "APP_URL" | "SMTP_URL" | "MAIL_FROM">, preparedMs: number): TNote[] {
  const notes: TNote[] = [{ level: "info", message: `paper-digest is starting at ${config.APP_URL} (prepared in ${(preparedMs / 1000).toFixed(1)} s)` }];
  if (!config.SMTP_URL) {
    notes.push({
      level: "info",
      message: `SMTP_URL is unset, so mail is kept instead of sent: read it at ${config.APP_URL}/admin/mail (sign in with the ADMIN_TOKEN)`,
    });
    return notes;
  }
  if (URL.canParse(config.APP_URL) && LOCAL_HOST.test(new URL(config.APP_URL).hostname)) {
    notes.push({
      level: "warn",
      message: `Mail goes out through SMTP_URL, but its links point to ${config.APP_URL}: set APP_URL to the address subscribers reach this site at`,
    });
  }
  // The same reading of MAIL_FROM the SMTP client greets relays with: a sender with no full domain name (`digest@localhost`).
  if (senderDomain(config.MAIL_FROM) === undefined) {
    notes.push({ level: "warn", message: `Mail goes out through SMTP_URL from ${config.MAIL_FROM}: set MAIL_FROM to an address of your domain` });
  }
  return notes;
}
