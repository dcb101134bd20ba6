// Digest test fixtures: a real SMTP sink on 127.0.0.1, confirmed subscribers and papers written straight to the database.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import type { Db } from "../../../src/server/db";
import type { TDigestSettings } from "../../../src/server/digest/digest-settings";
import { rescorePapers } from "../../../src/server/ranking/rescore-papers";

export const TEST_APP_URL = "https://papers.example.org";
export const TEST_SECRET = "digest-test-secret-0123456789abcdef";

export function testSettings(overrides: Partial<TDigestSettings> = {}): TDigestSettings {
  return {
    appUrl: TEST_APP_URL,
    appSecret: TEST_SECRET,
    bounceLimit: 3,
    mailRate: 5_000,
    concurrency: 10,
    sendWindow: 10,
    limit: 10,
    sendWithinMs: 120_000,
    ...overrides,
  };
}

export type TSmtpSink = {
  port: number;
  url: string;
  raw: Buffer[];
  /** Rejects new connections with 421 while true (the server is "down"); counts the refusals. */
  down: { value: boolean; refused: number };
  parsed: () => Promise<ParsedMail[]>;
  stop: () => Promise<void>;
};

/** `rejectRcpt` returning true answers 550 for that address (a permanent bounce). */
export async function startSmtpSink(opts: { rejectRcpt?: (address: string) => boolean; port?: number } = {}): Promise<TSmtpSink> {
  const raw: Buffer[] = [];
  const down = { value: false, refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      if (!down.value) return callback();
      down.refused += 1;
      callback(Object.assign(new Error("Service not available, try again later"), { responseCode: 421 }));
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (opts.rejectRcpt?.(address.address)) return callback(Object.assign(new Error("5.1.1 Mailbox does not exist"), { responseCode: 550 }));
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        raw.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    port,
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    raw,
    down,
    parsed: () => Promise.all(raw.map((m) => simpleParser(m))),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TPaperSeed = { arxivId: string; title: string; abstract?: string; categories?: string[]; listedOn: string; upvotes?: number };

export async function seedPapers(db: Db, papers: TPaperSeed[]): Promise<Map<string, number>> {
  await db.paper.createMany({
    data: papers.map((p) => ({
      arxivId: p.arxivId,
      titleKey: p.title.toLowerCase(),
      title: p.title,
      abstract: p.abstract ?? `About ${p.title}.`,
      authors: ["A. Author", "B. Author"],
      listedOn: new Date(`${p.listedOn}T00:00:00Z`),
      upvotes: p.upvotes ?? 10,
      categories: p.categories ?? ["cs.LG"],
      primaryCategory: p.categories?.[0] ?? "cs.LG",
      keywords: [],
      sources: ["hf-daily"],
    })),
  });
  // Stored scores, as an ingestion leaves them: digests list papers in the feed's trending order.
  await rescorePapers({ db });
  const rows = await db.paper.findMany({ select: { id: true, arxivId: true } });
  return new Map(rows.map((r) => [r.arxivId ?? "", r.id]));
}

export type TSubscriberSeed = { email: string; keywords?: string[]; categories?: string[]; frequency?: "daily" | "weekly" };

/** Confirmed subscribers, inserted directly (the subscribe flow belongs to another capability). Returns ids in input order. */
export async function seedSubscribers(db: Db, subscribers: TSubscriberSeed[], confirmedAt = new Date("2026-11-01T00:00:00Z")): Promise<number[]> {
  for (let i = 0; i < subscribers.length; i += 1_000) {
    await db.subscriber.createMany({
      data: subscribers.slice(i, i + 1_000).map((s) => ({
        email: s.email,
        status: "confirmed" as const,
        frequency: s.frequency ?? "daily",
        keywords: s.keywords ?? [],
        categories: s.categories ?? [],
        confirmedAt,
      })),
    });
  }
  const rows = await db.subscriber.findMany({ where: { email: { in: subscribers.map((s) => s.email) } }, select: { id: true, email: true } });
  const byEmail = new Map(rows.map((r) => [r.email, r.id]));
  return subscribers.map((s) => byEmail.get(s.email)!);
}

/** Every href in an HTML part. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
}

export function headerText(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase());
  return line
    ? line.line
        .slice(line.line.indexOf(":") + 1)
        .replace(/\r?\n\s+/g, " ")
        .trim()
    : "";
}
