// Starts the app for Playwright: a fresh database (sibling of DATABASE_URL, or a fresh embedded one), then `npm start`'s script.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { npmScriptNodeArgs } from "../../support/npm-script";
import { recreateDatabase, siblingUrl } from "../../support/test-databases";
import { E2E_APP_SECRET } from "./constants";

const root = path.resolve(import.meta.dirname, "..", "..", "..");
const dataDir = path.join(root, ".data", "e2e");
rmSync(dataDir, { recursive: true, force: true });

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  ADMIN_TOKEN: "e2e-admin-token-0123456789",
  CRON_SECRET: "e2e-cron-secret-0123456789",
  APP_SECRET: E2E_APP_SECRET,
  FETCH_ALLOW_LOOPBACK: "true",
  // The specs ingest and send digests themselves; the default schedules would fetch from the internet.
  INGEST_SCHEDULE: "off",
  DIGEST_SCHEDULE: "off",
  LOG_LEVEL: "warn",
};
delete env.SMTP_URL;

if (process.env.DATABASE_URL) {
  env.DATABASE_URL = siblingUrl(process.env.DATABASE_URL, "e2e");
  await recreateDatabase(process.env.DATABASE_URL, env.DATABASE_URL);
}

// As `npm start` runs it: one process, which gets the signals itself (the tsx CLI would SIGKILL it if it answered a relayed signal slowly).
const child = spawn(process.execPath, npmScriptNodeArgs("start"), {
  cwd: root,
  env,
  stdio: "inherit",
});
for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
