// Digest mailer throughput: 10,000 confirmed subscribers, 2,000 papers, a local SMTP sink; compared with a bare nodemailer pool.
// Run: DATABASE_URL=postgresql://... npx tsx bench/digest.ts   (uses the sibling database <name>_bench; embedded PostgreSQL when unset)
// The sink runs in a child process, as a real SMTP server would, for both the digest run and the bare pool; peak RSS is this process's.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import nodemailer from "nodemailer";
import { startEmbeddedPostgres } from "../src/server/db/embedded-postgres";
import { applyMigrations } from "../src/server/db/migrations";
import { createDb, type Db } from "../src/server/db";
import { runDigest } from "../src/server/digest/run-digest";
import type { TDigestSettings } from "../src/server/digest/digest-settings";
import { createSmtpMailer, SMTP_MESSAGE_DEFAULTS } from "../src/server/mail/mailer";
import { recreateDatabase, siblingUrl } from "../tests/support/test-databases";
import { databaseCpuMs, memoryBreakdown } from "./support/process-memory";
import { startSinkProcess } from "./support/smtp-sink-process";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const PAPERS = 2_000;
const POOL = 5;
const NOW = new Date("2026-11-27T07:00:00Z");
const FROM = "paper-digest <digest@bench.example.org>";
const KEYWORDS = [
  "diffusion",
  "transformer",
  "reinforcement learning",
  "LLM",
  "robot",
  "graph",
  "vision",
  "speech",
  "agent",
  "benchmark",
  "quantization",
  "retrieval",
];
const CATEGORIES = ["cs.LG", "cs.CL", "cs.CV", "cs.RO", "cs.AI", "stat.ML"];

let seed = 42;
const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(items: readonly T[]) => items[Math.floor(rand() * items.length)]!;

async function database(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    const url = siblingUrl(process.env.DATABASE_URL, "bench");
    await recreateDatabase(process.env.DATABASE_URL, url);
    return { url, stop: async () => {} };
  }
  const pg = await startEmbeddedPostgres({ dataDir: `/tmp/paper-digest-bench-${process.pid}` });
  return { url: pg.url, stop: () => pg.stop() };
}

async function seedData(db: Db): Promise<void> {
  const papers = Array.from({ length: PAPERS }, (_, i) => {
    const title = `${pick(["Scaling", "Efficient", "Robust", "Towards", "Revisiting"])} ${pick(KEYWORDS)} for ${pick(KEYWORDS)} ${i}`;
    const categories = [pick(CATEGORIES), pick(CATEGORIES)];
    return {
      arxivId: `2611.${String(i).padStart(5, "0")}`,
      titleKey: title.toLowerCase(),
      title,
      abstract: `We study ${pick(KEYWORDS)} and ${pick(KEYWORDS)}. `.repeat(6),
      authors: ["A. Author", "B. Author", i % 50 === 0 ? "Ada Lovelace" : "C. Author"],
      listedOn: new Date(Date.UTC(2026, 10, 27 - (i % 7))),
      upvotes: Math.floor(rand() * 200),
      categories,
      primaryCategory: categories[0],
      keywords: [],
      sources: ["hf-daily"],
      trendingScore: rand() * 100,
    };
  });
  await db.paper.createMany({ data: papers });
  for (let i = 0; i < SUBSCRIBERS; i += 2_000) {
    await db.subscriber.createMany({
      data: Array.from({ length: Math.min(2_000, SUBSCRIBERS - i) }, (_, j) => {
        const kind = (i + j) % 4;
        return {
          email: `reader${i + j}@bench.example.org`,
          status: "confirmed" as const,
          frequency: "daily" as const,
          keywords: kind === 0 || kind === 2 ? [pick(KEYWORDS), pick(KEYWORDS)] : [],
          categories: kind === 1 || kind === 2 ? [pick(CATEGORIES)] : [],
        };
      }),
    });
  }
  // Readers who taught the model: every fourth reader (those without keywords or categories) pressed "More like this" on
  // five papers and "Less like this" on five, and every eighth follows an author of one paper in fifty. BENCH_TAUGHT=0 leaves
  // every reader untaught, as before feedback existed, to compare with earlier figures.
  if (process.env.BENCH_TAUGHT === "0") return;
  const paperIds = (await db.paper.findMany({ select: { id: true } })).map((p) => p.id);
  const readers = await db.subscriber.findMany({ select: { id: true }, orderBy: { id: "asc" } });
  const taught = readers.filter((_, i) => i % 4 === 3);
  for (let i = 0; i < taught.length; i += 1_000) {
    await db.feedback.createMany({
      data: taught.slice(i, i + 1_000).flatMap(({ id }) => {
        const papers = new Set(Array.from({ length: 10 }, () => pick(paperIds)));
        return [...papers].map((paperId, k) => ({ subscriberId: id, paperId, kind: k < 5 ? "more" : "less" }));
      }),
    });
  }
  await db.follow.createMany({
    data: readers.filter((_, i) => i % 8 === 7).map(({ id }) => ({ subscriberId: id, kind: "author", key: "ada lovelace", label: "Ada Lovelace" })),
  });
}

/** process.memoryUsage.rss() reads only the RSS; the full memoryUsage() also walks the heap on every sample. */
function sampleRss() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage.rss())) };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const cpuMs = () => {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1000;
};

/**
 * BENCH_PROFILE=<dir> writes a CPU profile of each phase (digest.cpuprofile, bare.cpuprofile) to compare where their time
 * goes; profiling slows both, so figures printed with it are not the benchmark's.
 */
async function startProfile(name: string): Promise<{ stop: () => Promise<void> }> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return { stop: async () => {} };
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    stop: async () => {
      const { profile } = await session.post("Profiler.stop");
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
      session.disconnect();
    },
  };
}

/** Migrations and seeding run in a child process, as they are not part of a digest process, so they do not count towards the measured peak RSS. */
async function seedInChild(url: string): Promise<void> {
  execFileSync(process.execPath, [...process.execArgv, import.meta.filename, "--seed"], { env: { ...process.env, BENCH_DB_URL: url }, stdio: "inherit" });
}

/**
 * The digest runs in a process started with `--liftoff-only`, as `npm start`, `npm run worker` and `npm run digest` start theirs:
 * V8's optimising tier for WASM compiles Prisma's query compiler again on helper threads whose malloc arenas keep about 40 MB.
 * This bench measures such a process, so it starts itself again with the flag when it was started without.
 */
function runUnderLiftoffOnly(): void {
  if (process.execArgv.includes("--liftoff-only")) return;
  const child = spawnSync(process.execPath, ["--liftoff-only", ...process.execArgv, import.meta.filename, ...process.argv.slice(2)], {
    stdio: "inherit",
  });
  process.exit(child.status ?? 1);
}

async function main() {
  runUnderLiftoffOnly();
  if (process.argv.includes("--seed")) {
    await applyMigrations(process.env.BENCH_DB_URL!);
    const db = createDb(process.env.BENCH_DB_URL!, { max: 2 });
    await seedData(db);
    // Statistics, as autovacuum keeps them on a live database: without them the planner guesses the recipient query's cost
    // high enough to JIT-compile every claim (about 75 ms of PostgreSQL CPU per 16 rows here) and scans papers per reader.
    await db.$executeRawUnsafe("ANALYZE");
    await db.$disconnect();
    return;
  }
  const pg = await database();
  await seedInChild(pg.url);
  const db = createDb(pg.url, { max: 12 });
  const sink = await startSinkProcess();
  try {
    const rssBefore = process.memoryUsage().rss;
    const settings: TDigestSettings = {
      appUrl: "https://bench.example.org",
      appSecret: "bench-secret-0123456789abcdef",
      bounceLimit: 3,
      mailRate: 10_000,
      concurrency: 2 * POOL,
      sendWindow: 2 * POOL,
      limit: 10,
      sendWithinMs: 120_000,
    };
    const mailer = createSmtpMailer({ url: `smtp://127.0.0.1:${sink.port}?ignoreTLS=true`, from: FROM, poolSize: POOL });
    const rss = sampleRss();
    const profile = await startProfile("digest");
    const sinkBefore = await sink.stats();
    const dbCpuBefore = databaseCpuMs(pg.url);
    const cpuBefore = cpuMs();
    const started = performance.now();
    const run = await runDigest({ db, frequency: "daily", now: NOW, trigger: "bench", settings, mailer });
    const seconds = (performance.now() - started) / 1000;
    const peakRss = rss.stop();
    const memoryAtEnd = memoryBreakdown();
    await profile.stop();
    const digestCpu = cpuMs() - cpuBefore;
    const dbCpu = databaseCpuMs(pg.url) - dbCpuBefore;
    await mailer.close();
    const sinkAfterRun = await sink.stats();
    const digestRate = run.sent / seconds;

    const sample = await db.delivery.findFirstOrThrow({ where: { status: "sent" }, select: { subscriberId: true } });
    const { buildDigestMail } = await import("../src/server/digest/build-digest-mail");
    const { loadDigestPapers } = await import("../src/server/digest/load-digest-papers");
    const subscriber = await db.subscriber.findUniqueOrThrow({ where: { id: sample.subscriberId } });
    // The ceiling sends the plain html and text: nodemailer builds and encodes every message itself.
    const { bodies: _bodies, ...prerendered } = buildDigestMail({
      settings,
      recipient: { ...subscriber, subscriberId: subscriber.id, lastDigestAt: null, sentPaperIds: [], follows: [], feedback: [], dislikedPaperIds: [] },
      period: "daily:2026-11-27",
      papers: await loadDigestPapers({ db, frequency: "daily", now: NOW }),
      now: NOW,
    })!.mail;
    const transport = nodemailer.createTransport(
      { pool: true, host: "127.0.0.1", port: sink.port, secure: false, ignoreTLS: true, maxConnections: POOL, maxMessages: Infinity },
      SMTP_MESSAGE_DEFAULTS,
    );
    const bareProfile = await startProfile("bare");
    const bareCpuBefore = cpuMs();
    const bareStarted = performance.now();
    await Promise.all(
      Array.from({ length: run.sent }, (_, i) => transport.sendMail({ ...prerendered, from: FROM, to: `reader${i}@bench.example.org`, messageId: undefined })),
    );
    const bareSeconds = (performance.now() - bareStarted) / 1000;
    const bareCpu = cpuMs() - bareCpuBefore;
    await bareProfile.stop();
    transport.close();
    const sinkAfterBare = await sink.stats();
    const bareRate = run.sent / bareSeconds;

    const perMessage = (ms: number) => `${(ms / run.sent).toFixed(2)} ms`;
    console.log(`digest bench: ${SUBSCRIBERS} subscribers, ${PAPERS} papers, SMTP pool ${POOL}, sink in a child process on 127.0.0.1`);
    console.log(
      `  digest run:   sent ${run.sent}, skipped ${run.skipped}, failed ${run.failed} in ${seconds.toFixed(1)} s → ${digestRate.toFixed(0)} msg/s (target ≥ 300)`,
    );
    console.log(`  peak RSS:     ${mb(peakRss)} during the run, ${mb(rssBefore)} before it (target ≤ 300 MB)`);
    if (memoryAtEnd) console.log(`  memory:       at the run's end, ${memoryAtEnd}`);
    console.log(`  bare pool:    ${run.sent} pre-rendered messages in ${bareSeconds.toFixed(1)} s → ${bareRate.toFixed(0)} msg/s (ceiling)`);
    console.log(`  ratio:        ${(digestRate / bareRate).toFixed(2)} (target ≥ 0.6)`);
    console.log(
      `  CPU/message:  digest ${perMessage(digestCpu)}, bare pool ${perMessage(bareCpu)} in this process; sink ${perMessage(sinkAfterRun.cpuMs - sinkBefore.cpuMs)} / ${perMessage(sinkAfterBare.cpuMs - sinkAfterRun.cpuMs)}`,
    );
    const kb = (bytes: number) => `${(bytes / run.sent / 1024).toFixed(1)} KB`;
    console.log(`  PostgreSQL:   ${perMessage(dbCpu)} of CPU per message in the digest run's backends`);
    console.log(
      `  sink received ${sinkAfterBare.received} messages; per message: digest ${kb(sinkAfterRun.bytes - sinkBefore.bytes)}, bare pool ${kb(sinkAfterBare.bytes - sinkAfterRun.bytes)}`,
    );
  } finally {
    await db.$disconnect();
    await sink.stop();
    await pg.stop();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
