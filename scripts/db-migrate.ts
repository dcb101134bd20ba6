// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database when unset).
import { applyMigrations } from "../src/server/db/migrations";
import { withDatabaseUrl } from "./lib/with-database-url";
import { runCli } from "./lib/run-cli";

runCli(async () => {
  await withDatabaseUrl(async (url) => {
    const applied = await applyMigrations(url);
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database is up to date.");
  });
});
