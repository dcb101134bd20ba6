// What `npm start` says once it is ready: where the app is, and, when SMTP_URL is unset, where the mail it "sends" can be read, since a
// subscriber told to check their inbox otherwise found nothing in the terminal to say the mail was only kept.
import { expect, it } from "vitest";
import { startNotes } from "../../../scripts/lib/start-notes";

it("says where the app is and how long it took to prepare", () => {
  expect(startNotes({ APP_URL: "http://localhost:3000", SMTP_URL: "smtp://mail.example.org:587" }, 25_940)).toEqual([
    "paper-digest is starting at http://localhost:3000 (prepared in 25.9 s)",
  ]);
});

it("says where captured mail is read when SMTP_URL is unset", () => {
  expect(startNotes({ APP_URL: "http://localhost:3300", SMTP_URL: undefined }, 600)).toEqual([
    "paper-digest is starting at http://localhost:3300 (prepared in 0.6 s)",
    "SMTP_URL is unset, so mail is kept instead of sent: read it at http://localhost:3300/admin/mail (sign in with the ADMIN_TOKEN)",
  ]);
});
