// Bundles a TypeScript entry of this project to one plain JavaScript module with esbuild: the web server, the page cache handler and
// every CLI (scripts/run.mjs) run as such bundles, without tsx's loader hooks. Plain JavaScript, so the launcher needs no loader itself.
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Files that change every bundle without being one of its inputs: the path aliases, the package's type, this file's options. */
const ALWAYS_READ = ["tsconfig.json", "package.json", "scripts/lib/bundle-script.mjs"];

/**
 * `source` bundled to `output` (both relative to the project's `root`), packages left as imports of node_modules; returns the files
 * read, relative to `root`. The root is the caller's to give: this file may itself be bundled into another one elsewhere.
 * The file is replaced atomically and only when it changed, since another process (a second instance, the other test suite, a
 * CLI started at the same moment) may be loading it at that moment.
 * @param {string} root
 * @param {string} source
 * @param {string} output
 * @returns {Promise<string[]>}
 */
export async function bundle(root, source, output) {
  const { build } = await import("esbuild");
  bundled = true;
  const result = await build({
    absWorkingDir: root,
    entryPoints: [source],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    metafile: true,
    write: false,
  });
  const code = result.outputFiles[0].contents;
  const target = path.join(root, output);
  if (!(existsSync(target) && Buffer.from(code).equals(readFileSync(target)))) replaceFile(target, code);
  return Object.keys(result.metafile.inputs);
}

/** Whether this process has started esbuild's service (a child process), which stays until stopped. */
let bundled = false;

/**
 * Ends esbuild's service process once this process has bundled all it will: it otherwise stayed as a child of a worker or `npm start`
 * for their whole life. Another bundle after this starts it again.
 */
export async function stopBundler() {
  if (!bundled) return;
  bundled = false;
  const { stop } = await import("esbuild");
  await stop();
}

/**
 * Writes `file` whole under a name of this process's, then renames it over the old one, so a reader sees the old file or the new.
 * @param {string} file
 * @param {string | Uint8Array} data
 */
export function replaceFile(file, data) {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    // The file keeps its mode and owner (tsconfig.json put back by a build run as root in someone's checkout).
    const old = statSync(file, { throwIfNoEntry: false });
    if (old) {
      chmodSync(temporary, old.mode & 0o7777);
      if (typeof process.getuid === "function" && process.getuid() === 0) chownSync(temporary, old.uid, old.gid);
    }
    renameSync(temporary, file);
  } catch (err) {
    rmSync(temporary, { force: true });
    throw err;
  }
}

/**
 * `scripts/<name>.ts` as a bundle in .build/, made again only when a file it was made from has changed since: beside the bundle, a
 * stamp lists each input's modification time as it was when the bundle was made. Checking the stamp costs about a millisecond;
 * bundling about 0.3 s of CPU; running the script through tsx's loader about a second more than running its bundle.
 * @param {string} root
 * @param {string} name
 * @returns {Promise<string>} the bundle's absolute path
 */
export async function bundledScript(root, name) {
  const output = `.build/${name}.mjs`;
  const stampFile = path.join(root, ".build", `${name}.inputs.json`);
  if (!isFresh(root, stampFile, output)) {
    const started = Date.now();
    const inputs = [...new Set([...(await bundle(root, `scripts/${name}.ts`, output)), ...ALWAYS_READ])];
    const times = Object.fromEntries(inputs.map((file) => [file, modifiedAt(root, file)]));
    // A file changed while esbuild read it may be in the bundle as it was: no stamp then, so the next run bundles again.
    if (Object.values(times).every((time) => time !== null && time < started)) replaceFile(stampFile, JSON.stringify(times));
  }
  return path.join(root, output);
}

/** @param {string} root @param {string} file @returns {number | null} */
function modifiedAt(root, file) {
  try {
    return statSync(path.join(root, file)).mtimeMs;
  } catch {
    // A file gone since (moved, deleted): the stamp cannot vouch for the bundle.
    return null;
  }
}

/** @param {string} root @param {string} stampFile @param {string} output the bundle, relative to `root` */
function isFresh(root, stampFile, output) {
  if (!existsSync(path.join(root, output)) || !existsSync(stampFile)) return false;
  /** @type {Record<string, number>} */
  let times;
  try {
    times = JSON.parse(readFileSync(stampFile, "utf8"));
  } catch {
    // A stamp that does not parse (a disk that filled up while it was written) only costs a new bundle.
    return false;
  }
  return Object.entries(times).every(([file, time]) => modifiedAt(root, file) === time);
}
