// Benchmark: `/` with 50 papers under autocannon (32 connections) against two ceilings serving the same kind of bytes (bare Node http, a static Next page), plus gzipped JS for `/`.
import http from "node:http";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { createDb } from "../src/server/db";
import { refreshSimilarPapers } from "../src/server/feed/refresh-similar";
import { rescorePapers } from "../src/server/ranking/rescore-papers";
import { benchDatabase, startApp } from "./support/bench-app";
import { generatePapers, insertPapers, loadVocabulary } from "./support/generate-papers";
import path from "node:path";
import { PROJECT_ROOT } from "../src/server/db/migrations";

const PORT = Number(process.env.BENCH_PORT ?? 3701);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);

type TFigures = { name: string; bytes: number; rps: number; p50: number; p99: number; errors: number };

async function load(name: string, url: string, bytes: number): Promise<TFigures> {
  await autocannon({ url, connections: 32, duration: 2 });
  const r = await autocannon({ url, connections: 32, duration: DURATION });
  return { name, bytes, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function gzippedScripts(base: string, html: string): Promise<number> {
  // noModule polyfills are skipped: browsers that run modules never download them.
  const srcs = [
    ...new Set([...html.matchAll(/<script[^>]*>/g)].filter((m) => !/nomodule/i.test(m[0])).flatMap((m) => /\ssrc="([^"]+)"/.exec(m[0])?.[1] ?? [])),
  ];
  let total = 0;
  for (const src of srcs) total += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()), { level: 9 }).length;
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!).join("");
  console.log(
    `JS for /: ${srcs.length} script files, ${(total / 1024).toFixed(1)} KB gzipped, plus ${(gzipSync(inline).length / 1024).toFixed(1)} KB gzipped of inline script (target <= 120 KB in all)`,
  );
  return total;
}

async function main() {
  const database = await benchDatabase("bench_feed");
  const vocabulary = loadVocabulary(path.join(PROJECT_ROOT, "samples"));
  await insertPapers(database.url, generatePapers({ count: 50, seed: 42, vocabulary, lastDay: new Date().toISOString().slice(0, 10), days: 3 }));
  const db = createDb(database.url, { max: 2 });
  await rescorePapers({ db });
  await refreshSimilarPapers({ db });
  await db.$disconnect();

  const app = await startApp(database.url, PORT);
  const bare = http.createServer();
  try {
    const home = await (await fetch(`${app.base}/`)).text();
    const again = await fetch(`${app.base}/`);
    console.log(
      `/ cache: x-nextjs-cache=${again.headers.get("x-nextjs-cache")}, ${(await again.text()).match(/data-testid="paper-card"/g)?.length ?? 0} cards, ${home.length} bytes`,
    );
    const staticHtml = await (await fetch(`${app.base}/bench-static`)).text();
    const bytes = Buffer.from(home);
    bare.on("request", (_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": bytes.length }).end(bytes));
    await new Promise<void>((r) => bare.listen(PORT + 1, "127.0.0.1", r));

    const results = [
      await load("bare Node http (same bytes)", `http://127.0.0.1:${PORT + 1}/`, bytes.length),
      await load("Next static page (/bench-static)", `${app.base}/bench-static`, staticHtml.length),
      await load("/ (ISR, 50 papers)", `${app.base}/`, bytes.length),
    ];
    console.table(results);
    const [, staticNext, feed] = results;
    console.log(`/ vs static Next: ${(feed!.rps / staticNext!.rps).toFixed(2)}x (target >= 0.8), / p99 ${feed!.p99} ms (target <= 100)`);
    await gzippedScripts(app.base, home);
  } finally {
    bare.close();
    await app.stop();
    await database.stop();
  }
}

await main();
