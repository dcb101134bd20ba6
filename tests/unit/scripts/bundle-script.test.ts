// `npm run <script>` runs a bundle of scripts/<script>.ts: made again whenever a file it was made from changes, reused otherwise, and
// the launcher refuses a name that is no script. A stale bundle would run yesterday's code after a `git pull`.
import { spawnSync } from "node:child_process";
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { bundledScript, replaceFile } from "../../../scripts/lib/bundle-script.mjs";

const REPO = path.resolve(import.meta.dirname, "..", "..", "..");
let root: string;

/** A project of its own: package.json, tsconfig.json, the bundler and scripts/hello.ts, which prints what lib/greeting.ts says. */
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "bundle-script-"));
  await mkdir(path.join(root, "scripts", "lib"), { recursive: true });
  await writeFile(path.join(root, "package.json"), JSON.stringify({ type: "module" }));
  await writeFile(path.join(root, "tsconfig.json"), "{}");
  await copyFile(path.join(REPO, "scripts", "lib", "bundle-script.mjs"), path.join(root, "scripts", "lib", "bundle-script.mjs"));
  await writeFile(path.join(root, "scripts", "hello.ts"), 'import { greeting } from "./lib/greeting";\nconsole.log(greeting(process.argv.slice(2)));\n');
  await greet("hello");
});
afterEach(() => rm(root, { recursive: true, force: true }));

/** Writes lib/greeting.ts with a modification time of its own, as an editor's save or a `git pull` gives it. */
async function greet(word: string, at = new Date()): Promise<void> {
  const file = path.join(root, "scripts", "lib", "greeting.ts");
  await writeFile(file, `export const greeting = (args: string[]): string => ["${word}", ...args].join(" ");\n`);
  await utimes(file, at, at);
}

const run = (file: string, args: string[] = []) => spawnSync(process.execPath, [file, ...args], { encoding: "utf8" }).stdout.trim();

it("bundles a script once, reuses the bundle while its files are unchanged, and bundles again when one changes", async () => {
  const saved = new Date(Date.now() - 60_000);
  await greet("hello", saved);
  const file = await bundledScript(root, "hello");
  expect(file).toBe(path.join(root, ".build", "hello.mjs"));
  expect(run(file, ["world"])).toBe("hello world");
  const stamp = await readFile(path.join(root, ".build", "hello.inputs.json"), "utf8");
  expect(Object.keys(JSON.parse(stamp) as object).sort()).toEqual(
    ["package.json", "scripts/hello.ts", "scripts/lib/bundle-script.mjs", "scripts/lib/greeting.ts", "tsconfig.json"].sort(),
  );

  // New text under the old modification time: only the stamp is read, so the bundle made before is what runs.
  await greet("hola", saved);
  expect(await bundledScript(root, "hello")).toBe(file);
  expect(run(file, ["world"]), "an unchanged stamp reuses the bundle").toBe("hello world");

  // Older than the bundle, as a checkout of an earlier commit leaves a file: a different time is a change all the same.
  await greet("goodbye", new Date(Date.now() - 120_000));
  await bundledScript(root, "hello");
  expect(run(file, ["world"])).toBe("goodbye world");
});

it("bundles again when the stamp is gone or unreadable, and leaves no stamp for files changed while it bundled", async () => {
  await greet("hello", new Date(Date.now() - 60_000));
  const file = await bundledScript(root, "hello");
  const stampFile = path.join(root, ".build", "hello.inputs.json");
  await writeFile(stampFile, "{not json");
  await greet("hi", new Date(Date.now() - 30_000));
  await bundledScript(root, "hello");
  expect(run(file)).toBe("hi");

  // A file saved in the future of the bundle's start (a clock set back, or a save during the bundle) cannot be vouched for.
  await greet("later", new Date(Date.now() + 60_000));
  await rm(stampFile);
  await bundledScript(root, "hello");
  expect(run(file)).toBe("later");
  await expect(stat(stampFile)).rejects.toThrow(/ENOENT/);
});

it("the launcher refuses a name that is not a script in scripts/, with its usage and exit code 2", () => {
  for (const name of ["nope", "../package", "lib/run-cli", ""]) {
    const out = spawnSync(process.execPath, [path.join(REPO, "scripts", "run.mjs"), name], { encoding: "utf8" });
    expect([out.status, out.stdout]).toEqual([2, ""]);
    expect(out.stderr).toContain("Usage: node scripts/run.mjs <script in scripts/, without .ts>");
  }
});

it("stopBundler ends esbuild's service process, which otherwise stays a child of the process that bundled for as long as it runs", async () => {
  await greet("hello", new Date(Date.now() - 60_000));
  const children = (stop: boolean) => {
    const script = [
      `import { execFileSync } from "node:child_process";`,
      `import { bundledScript, stopBundler } from ${JSON.stringify(path.join(REPO, "scripts", "lib", "bundle-script.mjs"))};`,
      `await bundledScript(${JSON.stringify(root)}, "hello");`,
      stop ? "await stopBundler();" : "",
      `const children = () => execFileSync("ps", ["-o", "stat=,comm=", "--ppid", String(process.pid)], { encoding: "utf8" }).split("\\n")`,
      `  .filter((line) => line && !line.startsWith("Z") && !line.endsWith(" ps")).map((line) => line.split(/\\s+/).at(-1)).join(",");`,
      // The service is sent SIGTERM and exits moments later: up to ten seconds for it to go on a busy machine.
      `for (let i = 0; i < 500 && children() !== ""; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));`,
      `console.log(children());`,
    ].join("\n");
    return spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" }).stdout.trim();
  };
  expect(children(false)).toBe("esbuild");
  await rm(path.join(root, ".build"), { recursive: true });
  expect(children(true)).toBe("");
  // Two node processes, each bundling: on a busy machine (CI beside another suite) this took 5.4 s, past vitest's default 5 s.
}, 60_000);

it("replaceFile swaps a file whole, keeping its mode, and leaves no temporary file behind when it cannot", async () => {
  const file = path.join(root, "tsconfig.json");
  await chmod(file, 0o640);
  replaceFile(file, '{ "compilerOptions": {} }');
  expect(await readFile(file, "utf8")).toBe('{ "compilerOptions": {} }');
  expect((await stat(file)).mode & 0o777).toBe(0o640);
  // A directory in the file's place: the rename fails, and the whole new copy written beside it goes too.
  const taken = path.join(root, "taken");
  await mkdir(path.join(taken, "inside"), { recursive: true });
  expect(() => replaceFile(taken, "data")).toThrow();
  expect((await readdir(root)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
});
