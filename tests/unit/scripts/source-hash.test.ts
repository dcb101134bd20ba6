// The start script rebuilds when the build's inputs changed: a file put back as it was, or next build's own tsconfig edit, is no change.
import { mkdtemp, readFile, rm, utimes, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { sourceHash } from "../../../scripts/lib/build-if-needed";

let root: string;
const tsconfig = { compilerOptions: { strict: true, paths: { "@/*": ["./src/*"] } }, include: ["**/*.ts", ".next/types/**/*.ts"] };

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "source-hash-"));
  await mkdir(path.join(root, "src"));
  await writeFile(path.join(root, "src", "page.tsx"), "export default 1;\n");
  await writeFile(path.join(root, "tsconfig.json"), JSON.stringify(tsconfig, null, 2));
});
afterEach(() => rm(root, { recursive: true, force: true }));

it("a source rewritten as it was, with another mtime, is no change (CI rebuilt .next under its running server)", async () => {
  const before = sourceHash(root);
  const file = path.join(root, "src", "page.tsx");
  await writeFile(file, await readFile(file));
  await utimes(file, new Date(2001, 0, 1), new Date(2001, 0, 1));
  expect(sourceHash(root)).toBe(before);
});

it("next build adding another dist dir's types to tsconfig.json's include is no change; a compiler option is", async () => {
  const before = sourceHash(root);
  const file = path.join(root, "tsconfig.json");
  await writeFile(file, JSON.stringify({ ...tsconfig, include: [...tsconfig.include, ".data/next-stop-test-1/types/**/*.ts"] }));
  expect(sourceHash(root)).toBe(before);
  await writeFile(file, JSON.stringify({ ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, strict: false } }));
  expect(sourceHash(root)).not.toBe(before);
});

it("a changed, added or renamed source is a change", async () => {
  const before = sourceHash(root);
  await writeFile(path.join(root, "src", "page.tsx"), "export default 2;\n");
  const edited = sourceHash(root);
  expect(edited).not.toBe(before);
  await writeFile(path.join(root, "src", "other.tsx"), "");
  expect(sourceHash(root)).not.toBe(edited);
  await rm(path.join(root, "src", "other.tsx"));
  await writeFile(path.join(root, "src", "page.tsx"), "export default 1;\n");
  expect(sourceHash(root)).toBe(before);
  await rm(path.join(root, "src", "page.tsx"));
  await writeFile(path.join(root, "src", "renamed.tsx"), "export default 1;\n");
  expect(sourceHash(root)).not.toBe(before);
});
