// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database when unset).
import { applyMigrations } from "../src/server/db/migrations";
import { withDatabaseUrl } from "./lib/with-database-url";
import { parseCliArgs, runCli } from "./lib/run-cli";

const USAGE = "npm run db:migrate   (applies pending migrations to DATABASE_URL, or to the embedded database when it is unset; takes no options)";

runCli(async () => {
  if (!parseCliArgs(USAGE, {})) return;
  await withDatabaseUrl(async (url) => {
    const applied = await applyMigrations(url, { onWait: () => console.error("Another process is migrating this database; waiting for it to finish…") });
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
  });
});
