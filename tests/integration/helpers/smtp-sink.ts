// A real SMTP server on 127.0.0.1 that parses every message with mailparser, optionally requiring auth, rejecting or deferring recipients.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";

export type TSmtpSink = {
  port: number;
  url: string;
  messages: ParsedMail[];
  /** The name each message's client greeted with (EHLO), in the order the messages arrived. */
  greetedAs: string[];
  /** Connection errors the server reported: clients that give up mid-handshake (a refused certificate) land here. */
  serverErrors: Error[];
  /** Resolves once `count` messages have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<ParsedMail[]>;
  close(): Promise<void>;
};

export type TSmtpSinkOptions = {
  /** Recipients answered with 550. */
  rejectRecipients?: (address: string) => boolean;
  /** Recipients answered with 451 (try again later). */
  deferRecipients?: (address: string) => boolean;
  /** When set, AUTH is required and only these credentials pass. */
  auth?: { user: string; pass: string };
  /** Implicit TLS (smtps://) with smtp-server's built-in self-signed certificate. */
  secure?: boolean;
};

export async function startSmtpSink(opts: TSmtpSinkOptions = {}): Promise<TSmtpSink> {
  const messages: ParsedMail[] = [];
  const greetedAs: string[] = [];
  const waiters: (() => void)[] = [];
  const options: SMTPServerOptions = {
    secure: opts.secure ?? false,
    authOptional: !opts.auth,
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, cb) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) return cb(null, { user: auth.username });
      cb(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, cb) {
      if (opts.rejectRecipients?.(address.address)) {
        const err = Object.assign(new Error("5.1.1 Mailbox does not exist"), { responseCode: 550 });
        return cb(err);
      }
      if (opts.deferRecipients?.(address.address)) return cb(Object.assign(new Error("4.3.0 Try again later"), { responseCode: 451 }));
      cb();
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((mail) => {
          greetedAs.push(session.hostNameAppearsAs);
          messages.push(mail);
          waiters.splice(0).forEach((w) => w());
          cb();
        })
        .catch(cb);
    },
  };
  const server = new SMTPServer(options);
  const serverErrors: Error[] = [];
  server.on("error", (err) => serverErrors.push(err));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const credentials = opts.auth ? `${encodeURIComponent(opts.auth.user)}:${encodeURIComponent(opts.auth.pass)}@` : "";
  return {
    port,
    url: opts.secure ? `smtps://${credentials}127.0.0.1:${port}?rejectUnauthorized=false` : `smtp://${credentials}127.0.0.1:${port}?ignoreTLS=true`,
    messages,
    greetedAs,
    serverErrors,
    async waitFor(count, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages, got ${messages.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return messages.slice(0, count);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
