// What `npm start` logs once it is ready to serve.
import type { TConfig } from "../../src/server/config";

/**
 * Where the app is, and, with SMTP_URL unset, where its mail is read: the subscribe page tells a visitor to check their inbox, and
 * nothing on the terminal said that the mail was kept in the database instead of sent.
 */
export function startNotes(config: Pick<TConfig, "APP_URL" | "SMTP_URL">, preparedMs: number): string[] {
  const notes = [`paper-digest is starting at ${config.APP_URL} (prepared in ${(preparedMs / 1000).toFixed(1)} s)`];
  if (!config.SMTP_URL) {
    notes.push(`SMTP_URL is unset, so mail is kept instead of sent: read it at ${config.APP_URL}/admin/mail (sign in with the ADMIN_TOKEN)`);
  }
  return notes;
}
