// Sends mail through nodemailer over SMTP_URL (pooled), or captures it in the database when SMTP_URL is unset.
import { domainToASCII } from "node:url";
import nodemailer from "nodemailer";
import type { TMailBody } from "@/core/digest";
import type { Db } from "../db";
import { encodedTextPart } from "./encode-mail-body";
import { storeCapturedMail } from "../repo/captured-mail";
import { classifyMailError } from "./mail-errors";

export type TOutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
  messageId?: string;
  /**
   * The same text and html as pieces (joinBody gives them back). SMTP sends these, with the
   * pieces many messages share quoted-printable encoded once; the capture keeps text and html.
   */
  bodies?: { text: TMailBody; html?: TMailBody };
};

type TSentMail = { messageId: string };

/** The one interface everything that sends mail depends on. */
export type Mailer = {
  send(mail: TOutgoingMail): Promise<TSentMail>;
  close(): Promise<void>;
  readonly kind: "smtp" | "capture";
};

/**
 * Options nodemailer applies to every message. Quoted-printable is what it picks for mostly-Latin
 * text anyway; naming it skips the character count it would otherwise run over each part twice.
 */
export const SMTP_MESSAGE_DEFAULTS = { textEncoding: "quoted-printable" } as const;

/** What nodemailer is given for one message: the pre-encoded parts when the mail has them. */
function smtpMessage(from: string, mail: TOutgoingMail) {
  const { bodies, ...plain } = mail;
  if (!bodies) return { from, ...plain };
  return {
    from,
    ...plain,
    text: { raw: encodedTextPart("plain", bodies.text) },
    html: bodies.html ? { raw: encodedTextPart("html", bodies.html) } : plain.html,
  };
}

/**
 * The name the client greets the relay with (EHLO): the sender's own domain, in ASCII, when it is a full domain name. Nodemailer's
 * default is the machine's name when that is one (`ip-10-0-0-12.ec2.internal`), which the relay writes into every message's Received:
 * header. A sender at a name without a dot (the default `digest@localhost`) keeps nodemailer's default, which then greets with the
 * address literal (`[127.0.0.1]`): relays refuse a dotless greeting.
 */
export function senderDomain(from: string): string | undefined {
  const domain = domainToASCII(/@([^\s<>@]+)>?\s*$/.exec(from)?.[1]?.replace(/\.$/, "") ?? "").toLowerCase();
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]*[a-z]$/.test(domain) ? domain : undefined;
}

export function createSmtpMailer(opts: { url: string; from: string; poolSize?: number }): Mailer {
  const url = new URL(opts.url);
  const transport = nodemailer.createTransport(
    {
      pool: true,
      name: senderDomain(opts.from),
      host: url.hostname,
      port: Number(url.port || (url.protocol === "smtps:" ? 465 : 587)),
      secure: url.protocol === "smtps:",
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      maxConnections: opts.poolSize ?? 5,
      maxMessages: Infinity,
      ignoreTLS: url.searchParams.get("ignoreTLS") === "true",
      // A self-hosted relay with a self-signed certificate opts out of verification explicitly in the URL.
      tls: url.searchParams.get("rejectUnauthorized") === "false" ? { rejectUnauthorized: false } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    },
    SMTP_MESSAGE_DEFAULTS,
  );
  return {
    kind: "smtp",
    async send(mail) {
      try {
        const info = await transport.sendMail(smtpMessage(opts.from, mail));
        return { messageId: info.messageId };
      } catch (err) {
        throw classifyMailError(err);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/** Stores messages in captured_mail so they can be read at /admin/mail; renders them exactly as SMTP would. */
export function createCaptureMailer(opts: { db: Db; from: string }): Mailer {
  const render = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" }, SMTP_MESSAGE_DEFAULTS);
  return {
    kind: "capture",
    async send({ bodies: _bodies, ...mail }) {
      const info = await render.sendMail({ from: opts.from, ...mail });
      await storeCapturedMail({
        db: opts.db,
        mail: {
          messageId: info.messageId,
          from: opts.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html ?? null,
          headers: mail.headers ?? {},
        },
      });
      return { messageId: info.messageId };
    },
    async close() {},
  };
}

export function createMailer(opts: { smtpUrl?: string; from: string; db: Db; poolSize?: number }): Mailer {
  return opts.smtpUrl
    ? createSmtpMailer({ url: opts.smtpUrl, from: opts.from, poolSize: opts.poolSize })
    : createCaptureMailer({ db: opts.db, from: opts.from });
}
