// `npm run ingest -- --source <id> [--date D | --week W | --month M] [--category C] [--url U | --file F] [--dry-run] [--json]`: one ingestion run from the terminal.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { ZSourceId } from "../src/core/sources";
import { getConfig } from "../src/server/config";
import { createDb } from "../src/server/db";
import { AppError } from "../src/server/errors/app-error";
import { serverFetcher } from "../src/server/fetch/server-fetcher";
import { defaultRevalidate } from "../src/server/ingest/after-ingest";
import { fetchListing } from "../src/server/ingest/fetch-listing";
import { planFetch } from "../src/server/ingest/fetch-plans";
import { judgeParse } from "../src/server/ingest/ingest-listing";
import { ZIngestParams } from "../src/server/ingest/ingest-params";
import { processIngestRun } from "../src/server/ingest/process-ingest-run";
import { triggerIngest } from "../src/server/ingest/trigger-ingest";
import { zodMessage } from "../src/server/http/respond";
import { runCli } from "./lib/run-cli";
import { withDatabaseUrl } from "./lib/with-database-url";

const progress = (p: { pagesDone: number; found: number }) => {
  if (process.stderr.isTTY) process.stderr.write(`\rfetched ${p.pagesDone} page(s), ${p.found} papers so far…`);
};
const endProgress = () => {
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
};

/** The CLI often runs with no web app up; then there is no cache to revalidate. */
const quietly = (revalidate: () => Promise<void>) => () => revalidate().catch(() => {});

runCli(async () => {
  const { values } = parseArgs({
    options: {
      source: { type: "string" },
      date: { type: "string" },
      week: { type: "string" },
      month: { type: "string" },
      category: { type: "string" },
      listing: { type: "string" },
      paper: { type: "string" },
      url: { type: "string" },
      file: { type: "string" },
      "dry-run": { type: "boolean" },
      json: { type: "boolean" },
    },
  });
  const source = ZSourceId.safeParse(values.source);
  if (!source.success) throw new AppError("INVALID_INPUT", `--source must be one of ${ZSourceId.options.join(", ")} (got ${values.source ?? "nothing"})`);
  if (values.file && values.url) throw new AppError("INVALID_INPUT", "give either --url or --file, not both");
  const body = values.file
    ? await readFile(values.file, "utf8").catch((err: NodeJS.ErrnoException) => {
        throw new AppError("INVALID_INPUT", `cannot read ${values.file}: ${err.code === "ENOENT" ? "no such file" : err.message}`);
      })
    : undefined;
  const parsed = ZIngestParams.safeParse({
    date: values.date,
    week: values.week,
    month: values.month,
    category: values.category,
    listing: values.listing,
    paper: values.paper,
    url: values.url,
    body,
  });
  if (!parsed.success) throw new AppError("INVALID_INPUT", zodMessage(parsed.error));
  const params = parsed.data;
  const what = values.file ?? values.url ?? source.data;
  const config = getConfig();
  const fetcher = serverFetcher(config);
  const now = new Date();

  if (values["dry-run"]) {
    const listing = await fetchListing({ source: source.data, plan: planFetch(source.data, params), fetcher, now, onPage: progress }).finally(endProgress);
    const { result } = listing;
    const verdict = judgeParse(result);
    if (values.json) {
      const out = {
        source: source.data,
        ...(result.expected !== undefined ? { expected: result.expected } : {}),
        papers: result.papers,
        errors: result.errors,
      };
      console.log(JSON.stringify(out, null, 2));
    } else {
      console.log(
        `${source.data}: found ${result.papers.length}${result.expected !== undefined ? ` of ${result.expected} expected` : ""}, errors ${result.errors.length} (dry run, nothing written)`,
      );
    }
    if (verdict.status === "failed") throw new AppError("UNPROCESSABLE", `${what}: ${verdict.reason}`);
    return;
  }

  await withDatabaseUrl(async (url) => {
    const db = createDb(url, { max: 2 });
    try {
      const queued = await triggerIngest({ db, source: source.data, params, trigger: "cli", actor: process.env.USER ?? "cli", now });
      const run = await processIngestRun({
        db,
        fetcher,
        runId: queued.id,
        revalidate: quietly(defaultRevalidate({ appUrl: config.APP_URL, cronSecret: config.CRON_SECRET })),
        onProgress: progress,
      }).finally(endProgress);
      if (!run) throw new AppError("CONFLICT", `run ${queued.id} was taken by another worker`);
      const c = run.counts;
      if (values.json) console.log(JSON.stringify(run, null, 2));
      else
        console.log(
          `${run.source}: ${run.status} · found ${c.found} · inserted ${c.inserted} · updated ${c.updated} · unchanged ${c.unchanged} · errors ${run.errors.length} (run ${run.id})`,
        );
      if (run.status === "failed") throw new AppError("UNPROCESSABLE", `${what}: ${run.reason}`);
    } finally {
      await db.$disconnect();
    }
  });
});
