// `npm test` builds the app once, before the integration and end-to-end suites run side by side, so neither starts a build the other serves.
import { PROJECT_ROOT } from "../src/server/db/migrations";
import { buildIfNeeded } from "./lib/build-if-needed";
import { runCli } from "./lib/run-cli";

runCli(async () => {
  await buildIfNeeded({ root: PROJECT_ROOT, distDir: ".next", env: process.env, log: (m) => console.log(m) });
});
