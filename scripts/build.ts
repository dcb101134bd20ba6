// `npm run build` / `npm run dev`: bundle the page cache handler and the web server, then hand over to `next build` or `next dev`.
import { spawn } from "node:child_process";
import path from "node:path";
import { PROJECT_ROOT } from "../src/server/db/migrations";
import { buildRuntimeBundles } from "./lib/build-runtime-bundles";
import { runCli } from "./lib/run-cli";

runCli(async () => {
  await buildRuntimeBundles();
  const command = process.argv[2] === "dev" ? "dev" : "build";
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next"), command], {
      cwd: PROJECT_ROOT,
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", resolve);
  });
  process.exitCode = code ?? 1;
});
