// Secrets left unset are generated once, kept under DATA_DIR, and named one by one; set ones are never overwritten or announced.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/server/config";
import { ConfigError } from "../../../src/server/config-schema";

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "pd-config-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("loadConfig secrets", () => {
  it("names only the secrets it generated, and generates nothing on the next start", () => {
    const DATA_DIR = dataDir();
    const first = loadConfig({ DATA_DIR, ADMIN_TOKEN: "an-admin-token-set-by-hand" });
    expect(first.generatedSecrets).toEqual(["CRON_SECRET", "APP_SECRET"]);
    expect(first.ADMIN_TOKEN).toBe("an-admin-token-set-by-hand");
    expect(Object.keys(JSON.parse(readFileSync(first.secretsFile, "utf8")))).toEqual(["CRON_SECRET", "APP_SECRET"]);
    const again = loadConfig({ DATA_DIR, ADMIN_TOKEN: "an-admin-token-set-by-hand" });
    expect(again.generatedSecrets).toEqual([]);
    expect(again.APP_SECRET).toBe(first.APP_SECRET);
  });

  it("generates nothing when every secret is set", () => {
    const config = loadConfig({ DATA_DIR: dataDir(), ADMIN_TOKEN: "a".repeat(20), CRON_SECRET: "c".repeat(20), APP_SECRET: "s".repeat(20) });
    expect(config.generatedSecrets).toEqual([]);
  });
});

describe("loadConfig INGEST_SOURCES", () => {
  it("takes fetchable sources, with a category, and refuses any other entry at start with a line naming the variable", () => {
    expect(loadConfig({ DATA_DIR: dataDir(), INGEST_SOURCES: "hf-daily, arxiv-rss:cs.CL" }).INGEST_SOURCES).toBe("hf-daily, arxiv-rss:cs.CL");
    for (const [value, message] of [
      ["bogus", /^Invalid configuration: INGEST_SOURCES has "bogus", which is not a fetchable source \(use hf-daily, /],
      ["hf-daily,text", /^Invalid configuration: INGEST_SOURCES has "text", which is not a fetchable source/],
    ] as const) {
      expect(() => loadConfig({ DATA_DIR: dataDir(), INGEST_SOURCES: value })).toThrowError(ConfigError);
      expect(() => loadConfig({ DATA_DIR: dataDir(), INGEST_SOURCES: value })).toThrowError(message);
    }
  });
});
