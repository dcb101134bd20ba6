// mail: the SMTP transport against real smtp-server instances: auth and pooling, typed temporary and permanent failures, and the local capture.
import net from "node:net";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { joinBody, sharedText } from "../../src/core/digest";
import { MailError } from "../../src/server/mail/mail-errors";
import { createMailer, createSmtpMailer } from "../../src/server/mail/mailer";
import { getCapturedMail, listCapturedMail } from "../../src/server/repo/captured-mail";
import { startSmtpSink } from "./helpers/smtp-sink";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const from = "paper-digest <digest@app.test>";
const mail = (to: string, i = 0) => ({
  to,
  subject: `Ünïcode digest ${i}`,
  text: `plain ${i}`,
  html: `<p>html ${i}</p>`,
  headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
});

async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function sendError(promise: Promise<unknown>): Promise<MailError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(MailError);
  return err as MailError;
}

beforeEach(() => resetDb(db));
afterAll(() => db.$disconnect());

describe("mail transport", () => {
  it("authenticates with the user and password in SMTP_URL and sends many messages over the pool", async () => {
    const sink = await startSmtpSink({ auth: { user: "mailer@app.test", pass: "p@ss word" } });
    const mailer = createMailer({ smtpUrl: sink.url, from, db, poolSize: 3 });
    expect(mailer.kind).toBe("smtp");
    try {
      await Promise.all(Array.from({ length: 12 }, (_, i) => mailer.send(mail(`r${i}@example.org`, i))));
      const received = await sink.waitFor(12);
      expect(new Set(received.map((m) => m.subject))).toEqual(new Set(Array.from({ length: 12 }, (_, i) => `Ünïcode digest ${i}`)));
      // The sender's domain, never the machine's own name (nodemailer's default, os.hostname(), which a relay writes into Received:).
      expect(new Set(sink.greetedAs)).toEqual(new Set(["app.test"]));
      expect(received[0]!.text?.trim()).toMatch(/^plain \d+$/);
    } finally {
      await mailer.close();
      await sink.close();
    }
  });

  it("sends pre-encoded shared pieces that the server reads back as the exact text and html, dots and all", async () => {
    const sink = await startSmtpSink();
    const mailer = createSmtpMailer({ url: sink.url, from });
    const shared = sharedText(`.\n.. dots, = signs, trailing spaces  \n${"é 中文 😀 ".repeat(15)}\n`);
    const text = [shared, "own line.\n", shared, "."];
    const html = ["<p>", shared, `</p>\n<a href="https://x.example/?a=1&amp;b=2">${"x".repeat(90)}</a>\n`];
    try {
      await mailer.send({
        to: "a@example.org",
        subject: "pieces",
        text: joinBody(text),
        html: joinBody(html),
        bodies: { text, html },
        messageId: "<pieces.1@app.test>",
      });
      const [received] = await sink.waitFor(1);
      expect(received!.text).toBe(joinBody(text));
      expect(received!.html).toBe(joinBody(html));
      expect(received!.messageId).toBe("<pieces.1@app.test>");
    } finally {
      await mailer.close();
      await sink.close();
    }
  });

  it("speaks implicit TLS for smtps:// with user and password, and refuses an unverifiable certificate unless told", async () => {
    const sink = await startSmtpSink({ secure: true, auth: { user: "tls-user", pass: "tls-pass" } });
    const mailer = createSmtpMailer({ url: sink.url, from });
    const strict = createSmtpMailer({ url: sink.url.replace("?rejectUnauthorized=false", ""), from });
    try {
      await mailer.send(mail("tls@example.org"));
      expect((await sink.waitFor(1))[0]!.subject).toBe("Ünïcode digest 0");
      expect(
        await strict.send(mail("tls@example.org")).then(
          () => null,
          (e: unknown) => e,
        ),
      ).toBeInstanceOf(MailError);
      expect(sink.messages).toHaveLength(1);
    } finally {
      await mailer.close();
      await strict.close();
      await sink.close();
    }
  });

  it("refuses wrong credentials as a permanent error", async () => {
    const sink = await startSmtpSink({ auth: { user: "mailer", pass: "right" } });
    const mailer = createSmtpMailer({ url: `smtp://mailer:wrong@127.0.0.1:${sink.port}?ignoreTLS=true`, from });
    try {
      expect((await sendError(mailer.send(mail("a@example.org")))).kind).toBe("permanent");
      expect(sink.messages).toHaveLength(0);
    } finally {
      await mailer.close();
      await sink.close();
    }
  });

  it("a server that is down is a temporary error (retry later)", async () => {
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${await unusedPort()}?ignoreTLS=true`, from });
    try {
      expect((await sendError(mailer.send(mail("a@example.org")))).kind).toBe("temporary");
    } finally {
      await mailer.close();
    }
  });

  it("a 550 rejection of the mailbox is a permanent error, and other recipients still get mail", async () => {
    const sink = await startSmtpSink({ rejectRecipients: (a) => a.startsWith("gone@") });
    const mailer = createSmtpMailer({ url: sink.url, from });
    try {
      const err = await sendError(mailer.send(mail("gone@example.org")));
      expect(err.kind).toBe("permanent");
      expect(err.responseCode).toBe(550);
      await mailer.send(mail("here@example.org"));
      expect((await sink.waitFor(1))[0]!.subject).toBe("Ünïcode digest 0");
    } finally {
      await mailer.close();
      await sink.close();
    }
  });

  it("with SMTP_URL unset, mail is captured with its headers and listed newest first", async () => {
    const mailer = createMailer({ smtpUrl: undefined, from, db });
    expect(mailer.kind).toBe("capture");
    await mailer.send(mail("first@example.org", 1));
    await mailer.send(mail("second@example.org", 2));
    const list = await listCapturedMail({ db });
    expect(list.map((m) => m.to)).toEqual(["second@example.org", "first@example.org"]);
    const one = await getCapturedMail({ db, id: list[1]!.id });
    expect(one).toMatchObject({
      from,
      subject: "Ünïcode digest 1",
      text: "plain 1",
      html: "<p>html 1</p>",
      headers: { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
    expect(await listCapturedMail({ db, beforeId: list[0]!.id })).toHaveLength(1);
  });
});
