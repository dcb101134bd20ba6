// The app's configuration: process.env parsed once with zod, plus secrets generated and kept under .data/ when unset.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, parseEnv, type TEnv } from "./config-schema";
import { parseIngestSources } from "./ingest/ingest-params";

export type TConfig = Omit<TEnv, "ADMIN_TOKEN" | "CRON_SECRET" | "APP_SECRET" | "APP_URL" | "DATA_DIR"> & {
  APP_URL: string;
  DATA_DIR: string;
  ADMIN_TOKEN: string;
  CRON_SECRET: string;
  APP_SECRET: string;
  /** Where generated secrets live, when any were generated. */
  secretsFile: string;
  /** The secrets generated on this start, by name (none when they were set or already stored). */
  generatedSecrets: string[];
};

const GENERATED = ["ADMIN_TOKEN", "CRON_SECRET", "APP_SECRET"] as const;

function loadSecrets(file: string, env: TEnv): { values: Record<(typeof GENERATED)[number], string>; created: string[] } {
  const stored: Partial<Record<string, string>> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const created: string[] = [];
  const values = {} as Record<(typeof GENERATED)[number], string>;
  for (const key of GENERATED) {
    const fromEnv = env[key];
    if (fromEnv) {
      values[key] = fromEnv;
      continue;
    }
    const existing = stored[key];
    if (existing) {
      values[key] = existing;
    } else {
      values[key] = randomBytes(32).toString("base64url");
      stored[key] = values[key];
      created.push(key);
    }
  }
  if (created.length > 0) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2) + "\n", { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return { values, created };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): TConfig {
  const parsed = parseEnv(env);
  try {
    parseIngestSources(parsed.INGEST_SOURCES);
  } catch (err) {
    // Refused at start, in the line every bad variable gets, not by each scheduled run after it.
    throw new ConfigError(`Invalid configuration: ${(err as Error).message}`);
  }
  const dataDir = path.resolve(/*turbopackIgnore: true*/ parsed.DATA_DIR ?? ".data");
  const secretsFile = path.join(dataDir, "secrets.json");
  const { values, created } = loadSecrets(secretsFile, parsed);
  return {
    ...parsed,
    APP_URL: (parsed.APP_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, ""),
    DATA_DIR: dataDir,
    ...values,
    secretsFile,
    generatedSecrets: created,
  };
}

let cached: TConfig | undefined;

/** The process-wide configuration, parsed on first use. Throws ConfigError naming the bad variable. */
export function getConfig(): TConfig {
  cached ??= loadConfig();
  return cached;
}
