// Benchmark: subscribe throughput and latency (real PostgreSQL + a local SMTP server), the answer time of each outcome
// (an attacker compares them to learn whether an address is known), and the live preview's latency. Prints figures.
// Run: npx tsx bench/subscribe.ts   (uses a sibling `<db>_bench` of DATABASE_URL, or an embedded PostgreSQL when unset)
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { createDb } from "../src/server/db";
import { startEmbeddedPostgres } from "../src/server/db/embedded-postgres";
import { applyMigrations, PROJECT_ROOT } from "../src/server/db/migrations";
import { seedDemo } from "../src/server/ingest/seed-demo";
import { createSmtpMailer } from "../src/server/mail/mailer";
import { previewWeekFor } from "../src/server/digest/preview-digest";
import { ZInterests } from "../src/server/subscriptions/subscription-input";
import { emailHash, subscribe, type TSubscribeOutcome } from "../src/server/subscriptions/subscribe";
import { recreateDatabase, siblingUrl } from "../tests/support/test-databases";

const TOTAL = Number(process.env.BENCH_SUBSCRIBES ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const OUTCOME_ROUNDS = Number(process.env.BENCH_OUTCOME_ROUNDS ?? 200);
const SECRET = "bench-secret-0123456789";

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function summary(label: string, ms: number[], wallMs: number): string {
  const s = [...ms].sort((a, b) => a - b);
  return `${label}: ${ms.length} in ${(wallMs / 1000).toFixed(2)} s = ${((ms.length * 1000) / wallMs).toFixed(0)}/s; latency p50 ${percentile(s, 50).toFixed(1)} ms, p95 ${percentile(s, 95).toFixed(1)} ms, max ${s[s.length - 1]!.toFixed(1)} ms`;
}

async function database(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const url = siblingUrl(process.env.DATABASE_URL, "bench");
    await recreateDatabase(process.env.DATABASE_URL, url);
    return { url, stop: async () => {} };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "pd-bench-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg") });
  return {
    url: pg.url,
    stop: async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

type TBenchDeps = Pick<Parameters<typeof subscribe>[0], "db" | "mailer">;

let ipCounter = 0;
const nextIp = () => `10.2.${++ipCounter >> 8}.${ipCounter & 255}`;

/** One subscribe as a visitor sees it: the time until the answer. */
async function answerTime(deps: TBenchDeps, email: string, website = ""): Promise<{ ms: number; outcome: TSubscribeOutcome }> {
  const t = performance.now();
  const { outcome, delivery } = await subscribe({
    ...deps,
    appUrl: "http://bench.local",
    secret: SECRET,
    now: new Date(),
    ip: nextIp(),
    input: { email, frequency: "weekly", website },
  });
  const ms = performance.now() - t;
  await delivery;
  return { ms, outcome };
}

/**
 * The answer time of every outcome, measured in turns (one of each per round, in a shuffled order) so that the
 * machine's load hits them alike; ratios to a new address's median are what to compare between runs.
 */
async function outcomeTimes(deps: TBenchDeps): Promise<void> {
  const { db } = deps;
  const n = OUTCOME_ROUNDS;
  await db.subscriber.createMany({
    data: Array.from({ length: n }, (_, i) => ({ email: `known${i}@example.org`, status: "confirmed" as const, keywords: [], categories: [] })),
  });
  await db.suppression.createMany({ data: Array.from({ length: n }, (_, i) => ({ emailHash: emailHash(SECRET, `gone${i}@example.org`), reason: "deleted" })) });
  for (let i = 0; i < n; i++) for (let k = 0; k < 3; k++) await answerTime(deps, `limited${i}@example.org`);

  const cases: Record<TSubscribeOutcome, (i: number) => Promise<{ ms: number; outcome: TSubscribeOutcome }>> = {
    "confirmation-sent": (i) => answerTime(deps, `fresh${i}@example.org`),
    "already-subscribed-sent": (i) => answerTime(deps, `known${i}@example.org`),
    suppressed: (i) => answerTime(deps, `gone${i}@example.org`),
    "address-limited": (i) => answerTime(deps, `limited${i}@example.org`),
    honeypot: (i) => answerTime(deps, `bot${i}@example.org`, "http://spam.example"),
  };
  const names = Object.keys(cases) as TSubscribeOutcome[];
  const samples = new Map<TSubscribeOutcome, number[]>(names.map((name) => [name, []]));
  for (let i = 0; i < n; i++) {
    for (const name of [...names].sort(() => Math.random() - 0.5)) {
      const { ms, outcome } = await cases[name](i);
      if (outcome !== name) throw new Error(`expected ${name}, got ${outcome}`);
      samples.get(name)!.push(ms);
    }
  }
  const median = (ms: number[]) =>
    percentile(
      [...ms].sort((a, b) => a - b),
      50,
    );
  const base = median(samples.get("confirmation-sent")!);
  console.log(`answer time per outcome (${n} of each, sequential, interleaved):`);
  for (const name of names) {
    const ms = samples.get(name)!;
    const sorted = [...ms].sort((a, b) => a - b);
    console.log(
      `  ${name.padEnd(24)} median ${median(ms).toFixed(2)} ms, p90 ${percentile(sorted, 90).toFixed(2)} ms; median / new address's ${(median(ms) / base).toFixed(2)}`,
    );
  }
}

async function main() {
  const { url, stop } = await database();
  await applyMigrations(url);
  const db = createDb(url, { max: 10 });
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _s, cb) {
      stream.resume();
      stream.on("end", () => {
        received++;
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as { port: number }).port;
  const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${port}?ignoreTLS=true`, from: "bench <bench@localhost>", poolSize: 5 });
  try {
    await seedDemo({ db, samplesDir: path.join(PROJECT_ROOT, "samples") });
    const latencies: number[] = [];
    const deliveries: Promise<void>[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < TOTAL) {
          const i = next++;
          const t = performance.now();
          const { delivery } = await subscribe({
            db,
            mailer,
            appUrl: "http://bench.local",
            secret: SECRET,
            now: new Date(),
            ip: `10.1.${i >> 8}.${i & 255}`,
            input: { email: `bench${i}@example.org`, frequency: "weekly", keywords: "llm, diffusion" },
          });
          latencies.push(performance.now() - t);
          deliveries.push(delivery);
        }
      }),
    );
    console.log(summary(`subscribe answers (new address, concurrency ${CONCURRENCY})`, latencies, performance.now() - started));
    await Promise.all(deliveries);
    const mailedMs = performance.now() - started;
    console.log(
      `confirmation mails received: ${received} (all handed to SMTP ${(mailedMs / 1000).toFixed(2)} s after the first request); subscribers: ${await db.subscriber.count()}`,
    );

    await outcomeTimes({ db, mailer });

    const previews: number[] = [];
    const pStart = performance.now();
    for (let i = 0; i < 100; i++) {
      const t = performance.now();
      const interests = ZInterests.parse({ keywords: i % 2 ? "language models" : "", minUpvotes: String(i % 10) });
      await previewWeekFor({ db, interests, now: new Date(), limit: 8 });
      previews.push(performance.now() - t);
    }
    console.log(summary(`preview (${await db.paper.count()} demo papers, sequential)`, previews, performance.now() - pStart));
  } finally {
    await mailer.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await db.$disconnect();
    await stop();
  }
}

await main();
