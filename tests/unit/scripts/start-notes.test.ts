// What `npm start` says once it is ready: where the app is, where the mail it "sends" can be read when SMTP_URL is unset (a subscriber
// told to check their inbox otherwise found nothing in the terminal to say the mail was only kept), and, when real mail goes out, the
// defaults it would carry (links to localhost, a sender at localhost), which nothing warned of.
import { expect, it } from "vitest";
import { startNotes } from "../../../scripts/lib/start-notes";

const SITE = { APP_URL: "https://papers.example.org", SMTP_URL: "smtp://mail.example.org:587", MAIL_FROM: "paper-digest <digest@example.org>" };

it("says where the app is and how long it took to prepare", () => {
  expect(startNotes(SITE, 25_940)).toEqual([{ level: "info", message: "paper-digest is starting at https://papers.example.org (prepared in 25.9 s)" }]);
});

it("says where captured mail is read when SMTP_URL is unset", () => {
  expect(startNotes({ ...SITE, APP_URL: "http://localhost:3300", SMTP_URL: undefined, MAIL_FROM: "paper-digest <digest@localhost>" }, 600)).toEqual([
    { level: "info", message: "paper-digest is starting at http://localhost:3300 (prepared in 0.6 s)" },
    {
      level: "info",
      message: "SMTP_URL is unset, so mail is kept instead of sent: read it at http://localhost:3300/admin/mail (sign in with the ADMIN_TOKEN)",
    },
  ]);
});

it("warns when real mail would carry links to localhost or a sender at localhost", () => {
  const notes = startNotes({ ...SITE, APP_URL: "http://localhost:3000", MAIL_FROM: "paper-digest <digest@localhost>" }, 600);
  expect(notes.slice(1)).toEqual([
    {
      level: "warn",
      message: "Mail goes out through SMTP_URL, but its links point to http://localhost:3000: set APP_URL to the address subscribers reach this site at",
    },
    { level: "warn", message: "Mail goes out through SMTP_URL from paper-digest <digest@localhost>: set MAIL_FROM to an address of your domain" },
  ]);
  for (const local of ["http://127.0.0.1:3000", "http://0.0.0.0:3000", "http://app.localhost", "http://[::1]:3000"]) {
    expect(
      startNotes({ ...SITE, APP_URL: local }, 600).map((n) => n.level),
      local,
    ).toEqual(["info", "warn"]);
  }
  // An address the URL parser refuses (the configuration's own check is looser) is no reason to stop a start that is serving.
  expect(startNotes({ ...SITE, APP_URL: "http://exa mple.org" }, 600)).toHaveLength(1);
});
