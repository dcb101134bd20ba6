// Benchmark: subscribe throughput and latency (real PostgreSQL + a local SMTP server) and the live preview's latency. Prints figures.
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
import { subscribe } from "../src/server/subscriptions/subscribe";
import { recreateDatabase, siblingUrl } from "../tests/support/test-databases";

const TOTAL = Number(process.env.BENCH_SUBSCRIBES ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);

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
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < TOTAL) {
          const i = next++;
          const t = performance.now();
          await subscribe({
            db,
            mailer,
            appUrl: "http://bench.local",
            secret: "bench-secret-0123456789",
            now: new Date(),
            ip: `10.1.${i >> 8}.${i & 255}`,
            input: { email: `bench${i}@example.org`, frequency: "weekly", keywords: "llm, diffusion" },
          });
          latencies.push(performance.now() - t);
        }
      }),
    );
    console.log(summary(`subscribe (new address, confirmation mailed over SMTP, concurrency ${CONCURRENCY})`, latencies, performance.now() - started));
    console.log(`confirmation mails received: ${received}; subscribers: ${await db.subscriber.count()}`);

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
