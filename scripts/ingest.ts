// `npm run ingest -- --source <id> --file <path> [--dry-run] [--json]`: ingests one listing from a file.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { parseListing } from "../src/core/sources";
import { ZSourceId } from "../src/core/sources";
import { createDb } from "../src/server/db";
import { AppError } from "../src/server/errors/app-error";
import { ingestListing, judgeParse } from "../src/server/ingest/ingest-listing";
import { runCli } from "./lib/run-cli";
import { withDatabaseUrl } from "./lib/with-database-url";

runCli(async () => {
  const { values } = parseArgs({
    options: { source: { type: "string" }, file: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } },
  });
  const source = ZSourceId.safeParse(values.source);
  if (!source.success) throw new AppError("INVALID_INPUT", `--source must be one of ${ZSourceId.options.join(", ")} (got ${values.source ?? "nothing"})`);
  if (!values.file) throw new AppError("INVALID_INPUT", "--file <path> is required");
  const body = await readFile(values.file, "utf8").catch((err: NodeJS.ErrnoException) => {
    throw new AppError("INVALID_INPUT", `cannot read ${values.file}: ${err.code === "ENOENT" ? "no such file" : err.message}`);
  });
  const now = new Date();

  if (values["dry-run"]) {
    const result = parseListing(source.data, body, { now });
    const verdict = judgeParse(result);
    if (values.json) {
      const out = { source: source.data, ...(result.expected !== undefined ? { expected: result.expected } : {}), papers: result.papers, errors: result.errors };
      console.log(JSON.stringify(out, null, 2));
    } else {
      console.log(`${source.data}: found ${result.papers.length}${result.expected !== undefined ? ` of ${result.expected} expected` : ""}, errors ${result.errors.length} (dry run, nothing written)`);
    }
    if (verdict.status === "failed") throw new AppError("UNPROCESSABLE", `${values.file}: ${verdict.reason}`);
    return;
  }

  await withDatabaseUrl(async (url) => {
    const db = createDb(url, { max: 2 });
    try {
      const summary = await ingestListing({ db, source: source.data, body, now });
      if (values.json) console.log(JSON.stringify(summary, null, 2));
      else
        console.log(
          `${summary.source}: ${summary.status} · found ${summary.found} · inserted ${summary.inserted} · updated ${summary.updated} · unchanged ${summary.unchanged} · errors ${summary.errors.length}`,
        );
      if (summary.status === "failed") throw new AppError("UNPROCESSABLE", `${values.file}: ${summary.reason}`);
    } finally {
      await db.$disconnect();
    }
  });
});
