// `npm run worker`: background jobs only (queue workers, schedules), for extra machines sharing one PostgreSQL.
import { getConfig } from "../src/server/config";
import { startBackground } from "../src/server/jobs/start-background";
import { logger } from "../src/server/logger";
import { parseCliArgs, runCli } from "./lib/run-cli";
import { whenParentExits } from "./lib/when-parent-exits";
import { withDatabaseUrl } from "./lib/with-database-url";

const USAGE = "npm run worker   (runs the queue workers and schedules until Ctrl-C: for extra machines sharing one PostgreSQL; takes no options)";

runCli(async () => {
  // Before anything starts: `--help` once queued scheduled runs, as any option did.
  if (!parseCliArgs(USAGE, {})) return;
  const config = getConfig();
  await withDatabaseUrl(async (databaseUrl) => {
    const background = await startBackground({ config, databaseUrl });
    logger.info("worker running; Ctrl-C to stop");
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
      whenParentExits(
        (parent) => {
          logger.info({ parent }, "the process that started the worker has exited; stopping");
          resolve();
        },
        { watchNpm: true },
      );
    });
    await background.stop();
  });
});
