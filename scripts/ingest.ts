// `npm run ingest -- --source <id> [--date D | --week W | --month M] [--category C] [--url U | --file F] [--dry-run] [--json]`: one ingestion run from the terminal.
import { readFile } from "node:fs/promises";
import { getConfig } from "../src/server/config";
import { createDb } from "../src/server/db";
import { SOURCE_IDS } from "../src/core/sources";
import { AppError } from "../src/server/errors/app-error";
import { serverFetcher } from "../src/server/fetch/server-fetcher";
import { fetchListing } from "../src/server/ingest/fetch-listing";
import { planFetch } from "../src/server/ingest/fetch-plans";
import { judgeParse } from "../src/server/ingest/ingest-listing";
import { ZIngestRequest } from "../src/server/ingest/ingest-params";
import { runIngestNow } from "../src/server/ingest/run-ingest-now";
import { parseCliArgs, runCli } from "./lib/run-cli";
import { withDatabaseUrl } from "./lib/with-database-url";

const progress = (p: { pagesDone: number; found: number }) => {
  if (process.stderr.isTTY) process.stderr.write(`\rfetched ${p.pagesDone} page(s), ${p.found} papers so far…`);
};
const endProgress = () => {
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
};

const USAGE = `npm run ingest -- --source <id> [--date D | --week W | --month M] [--category C] [--url U | --file F] [--dry-run] [--json]

  --source    one of ${SOURCE_IDS.join(", ")}
  --date, --week, --month   the listing's day (2026-05-08), ISO week (2026-W19) or month (2026-05), where the source has them
  --category  an arXiv category for the arXiv sources (cs.CL); --listing new|recent for an arXiv listing; --paper an arXiv id
  --url       a listing's address on an allowed host; --file F a saved copy of one, --file - read from standard input
  --dry-run   parse and print what would be stored, writing nothing; --json as JSON`;

/** A saved listing, or with `-` standard input, so one can be piped in (`curl -s … | npm run ingest -- --source hf-daily --file -`). */
async function readListing(file: string): Promise<string> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
  return readFile(file, "utf8").catch((err: NodeJS.ErrnoException) => {
    throw new AppError("INVALID_INPUT", `cannot read ${file}: ${err.code === "ENOENT" ? "no such file" : err.message}`, { cause: err });
  });
}

runCli(async () => {
  const values = parseCliArgs(USAGE, {
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
  });
  if (!values) return;
  const { file: _file, "dry-run": dryRun, json, ...fields } = values;
  const request = ZIngestRequest.parse(fields);
  if (values.file && values.url) throw new AppError("INVALID_INPUT", "give either --url or --file, not both");
  const named = values.file === "-" ? "standard input" : values.file;
  const body = values.file === undefined ? undefined : await readListing(values.file);
  // An empty body would read as none, and the source's live listing would be fetched in the file's place.
  if (body !== undefined && body.trim() === "") throw new AppError("INVALID_INPUT", `${named} is empty: there is nothing to ingest`);
  const { source, ...params } = ZIngestRequest.parse({ ...request, body });
  const what = named ?? values.url ?? source;
  const config = getConfig();
  const fetcher = serverFetcher(config);

  if (dryRun) {
    const listing = await fetchListing({ source, plan: planFetch(source, params), fetcher, now: new Date(), onPage: progress }).finally(endProgress);
    const { result } = listing;
    const verdict = judgeParse(result, { pasted: body !== undefined });
    if (json) {
      const out = { source, ...(result.expected !== undefined ? { expected: result.expected } : {}), papers: result.papers, errors: result.errors };
      console.log(JSON.stringify(out, null, 2));
    } else {
      console.log(
        `${source}: found ${result.papers.length}${result.expected !== undefined ? ` of ${result.expected} expected` : ""}, errors ${result.errors.length} (dry run, nothing written)`,
      );
    }
    if (verdict.status === "failed") throw new AppError("UNPROCESSABLE", `${what}: ${verdict.reason}`);
    return;
  }

  await withDatabaseUrl(async (url) => {
    const db = createDb(url, { max: 2 });
    try {
      const run = await runIngestNow({
        db,
        fetcher,
        source,
        params,
        trigger: "cli",
        actor: process.env.USER ?? "cli",
        onProgress: progress,
      }).finally(endProgress);
      const c = run.counts;
      if (json) console.log(JSON.stringify(run, null, 2));
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
