// `npm run digest -- [--now ISO] [--dry-run] [--json] [--queue]`: runs the current digests once (or shows who would get what).
import { z } from "zod";
import { digestPeriodKey } from "../src/core/digest";
import { periodOf, todayUtc } from "../src/core/periods";
import { getConfig } from "../src/server/config";
import { createDb } from "../src/server/db";
import { digestSettingsFrom } from "../src/server/digest/digest-settings";
import { dryRunDigests } from "../src/server/digest/dry-run-digests";
import { runConfiguredDigests } from "../src/server/digest/run-configured-digests";
import { FREQUENCIES } from "../src/server/digest/trigger-digests";
import { AppError } from "../src/server/errors/app-error";
import { parseCliArgs, runCli } from "./lib/run-cli";
import { withDatabaseUrl } from "./lib/with-database-url";

/** Whether a moment's week has days YYYY-MM-DD can write: 9999-12-31's week ends in year 10000, and its run failed ("Invalid ISO week"). */
function inWritableWeek(at: Date): boolean {
  try {
    return periodOf("week", todayUtc(at)) !== null;
  } catch (err) {
    if (err instanceof RangeError) return false;
    throw err;
  }
}

const ZNow = z.iso
  .datetime({ offset: true })
  .transform((v) => new Date(v))
  .refine(inWritableWeek);

const USAGE = `npm run digest -- [--now ISO] [--dry-run] [--json] [--queue]

  --now       the moment to run as (2026-11-27T07:00:00Z), default now
  --dry-run   print who would get which papers, sending and writing nothing; --json as JSON
  --queue     queue the deliveries for the workers (npm run worker) instead of sending them here
  Exit code 2: a run ended partial.`;

runCli(async () => {
  const values = parseCliArgs(USAGE, { now: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" }, queue: { type: "boolean" } });
  if (!values) return;
  const parsedNow = values.now === undefined ? null : ZNow.safeParse(values.now);
  if (parsedNow && !parsedNow.success)
    throw new AppError(
      "INVALID_INPUT",
      `--now must be an ISO date-time such as 2026-11-27T07:00:00Z, in a week within the years 1000 to 9999 (got "${values.now}")`,
    );
  const now = parsedNow?.data ?? new Date();
  const config = getConfig();
  const progress = process.stderr.isTTY && !values.json;

  await withDatabaseUrl(async (databaseUrl) => {
    const db = createDb(databaseUrl, { max: Math.max(4, config.MAIL_POOL_SIZE * 2 + 2) });
    try {
      if (values["dry-run"]) {
        const entries = [];
        let due = 0;
        for await (const entry of dryRunDigests({ db, now, settings: digestSettingsFrom(config) })) {
          due += 1;
          if (values.json) entries.push(entry);
          else
            console.log(
              entry.subject
                ? `${entry.period} ${entry.email}: ${entry.titles.length} papers · ${entry.titles.join(" | ")}`
                : `${entry.period} ${entry.email}: skip (nothing new)`,
            );
        }
        if (values.json) console.log(JSON.stringify({ dryRun: true, now: now.toISOString(), entries }, null, 2));
        // A dry run that printed nothing looked like one that did not run.
        else if (due === 0) {
          const periods = FREQUENCIES.map((frequency) => digestPeriodKey(frequency, now)).join(", ");
          console.log(
            `Nobody is due a digest at ${now.toISOString()} (${periods}): every confirmed subscriber has had this period's, sent or skipped, or there is none.`,
          );
        }
        return;
      }
      const result = await runConfiguredDigests({
        db,
        config,
        databaseUrl,
        now,
        trigger: "cli",
        mode: values.queue ? "queue" : "inline",
        onProgress: progress ? (frequency, done, due) => process.stderr.write(`\r${frequency}: ${done}/${due} deliveries`) : undefined,
      });
      if (progress) process.stderr.write("\n");
      if (values.json) console.log(JSON.stringify(result, null, 2));
      else
        for (const r of result.runs)
          console.log(
            `run ${r.id} ${r.period}: ${r.status} · due ${r.due} · sent ${r.sent} · skipped ${r.skipped} · failed ${r.failed} · retried ${r.retried}${r.durationMs !== null ? ` · ${r.durationMs} ms` : ""}`,
          );
      if (result.runs.some((r) => r.status === "partial")) process.exitCode = 2;
    } finally {
      await db.$disconnect();
    }
  });
});
