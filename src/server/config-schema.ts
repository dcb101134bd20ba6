// The environment contract: one zod schema over process.env, shared by the server and next.config.ts.
import { Cron } from "croner";
import { z } from "zod";

/** pino's levels; the logger reads LOG_LEVEL before this schema is checked, and falls back to info on any other value. */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const postgresUrl = optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\/.+/.test(v), {
  message: "must be a postgresql:// URL (or unset for the embedded database)",
});

const smtpUrl = optionalString.refine((v) => v === undefined || /^smtps?:\/\/.+/.test(v), {
  message: "must be an smtp:// or smtps:// URL (or unset to capture mail locally)",
});

const secret = (name: string) =>
  optionalString.refine((v) => v === undefined || v.length >= 16, {
    message: `must be at least 16 characters (or unset to generate one under .data/); ${name} protects the app`,
  });

/**
 * A schedule: a cron expression (UTC), `off` to disable it, or unset for the default. Expressions are checked by
 * croner, the scheduler that runs them, so one that passes here is one that runs.
 */
const schedule = (fallback: string) =>
  optionalString.transform((v, ctx): string | null => {
    if (v === undefined) return fallback;
    if (/^(off|false|none|disabled)$/i.test(v)) return null;
    try {
      new Cron(v, { paused: true, timezone: "UTC" }).stop();
      return v;
    } catch (err) {
      ctx.addIssue({ code: "custom", message: `must be a cron expression such as "0 7 * * *", or off (${err instanceof Error ? err.message : String(err)})` });
      return z.NEVER;
    }
  });

const bool = (fallback: boolean) =>
  optionalString.transform((v, ctx) => {
    if (v === undefined) return fallback;
    if (/^(1|true|yes|on)$/i.test(v)) return true;
    if (/^(0|false|no|off)$/i.test(v)) return false;
    ctx.addIssue({ code: "custom", message: "must be true or false" });
    return z.NEVER;
  });

const int = (fallback: number, min: number, max: number) =>
  optionalString.transform((v, ctx) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    ctx.addIssue({ code: "custom", message: `must be a whole number from ${min} to ${max} (got "${v}")` });
    return z.NEVER;
  });

const ZEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Where Next builds to and serves from, relative to the project; separate ones let tests and benchmarks build beside `npm start`. */
  NEXT_DIST_DIR: optionalString.transform((v) => v ?? ".next"),
  PORT: int(3000, 1, 65535),
  APP_URL: optionalString.refine((v) => v === undefined || /^https?:\/\/[^/]+/.test(v), {
    message: "must be an absolute http(s) URL such as https://papers.example.org",
  }),
  DATABASE_URL: postgresUrl,
  /** PostgreSQL connections of the web server's pool, per process: with several instances, their sum must stay within max_connections. */
  DB_POOL_SIZE: int(10, 1, 100),
  /**
   * Web server processes sharing the port (scripts/serve.ts): one Node thread renders every page of a process, so on a machine of
   * more cores than PostgreSQL keeps busy, more processes serve more uncached pages. Each has its own page cache and pool.
   */
  WEB_CONCURRENCY: int(1, 1, 64),
  DATA_DIR: optionalString,
  ADMIN_TOKEN: secret("ADMIN_TOKEN"),
  ADMIN_PASSWORD: optionalString.refine((v) => v === undefined || v.length >= 8, { message: "must be at least 8 characters" }),
  CRON_SECRET: secret("CRON_SECRET"),
  APP_SECRET: secret("APP_SECRET"),
  /** Reverse proxies in front of the app whose X-Forwarded-For entries to believe; 0 (no proxy) uses the connection's peer. */
  TRUST_PROXY: int(0, 0, 10),
  SMTP_URL: smtpUrl,
  MAIL_FROM: z.string().trim().min(3).default("paper-digest <digest@localhost>"),
  MAIL_RATE: int(50, 1, 10_000),
  MAIL_POOL_SIZE: int(5, 1, 50),
  BOUNCE_LIMIT: int(3, 1, 100),
  /** Hourly by default, so `npm start` keeps the feed fresh without extra setup. */
  INGEST_SCHEDULE: schedule("0 * * * *"),
  /** Checked entry by entry in loadConfig (config.ts): the sources' ids live in src/core, which next.config.ts cannot load. */
  INGEST_SOURCES: z.string().trim().default("hf-daily"),
  /** Every day at 07:00 UTC by default: daily digests, and the weekly ones on the first run of each ISO week (Mondays). */
  DIGEST_SCHEDULE: schedule("0 7 * * *"),
  SEED_DEMO: bool(true),
  LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(", ")}`).default("info"),
  /** Test-only: lets the fetcher reach a 127.0.0.1 fixture server, and nothing else (no host name is looked up). */
  FETCH_ALLOW_LOOPBACK: bool(false),
});

export type TEnv = z.infer<typeof ZEnv>;

/** One line per problem, each naming the variable. */
function describeEnvError(error: z.ZodError): string {
  return error.issues.map((issue) => `Invalid configuration: ${String(issue.path[0] ?? "env")} ${issue.message}`).join("\n");
}

export function parseEnv(env: Record<string, string | undefined>): TEnv {
  const result = ZEnv.safeParse(env);
  if (!result.success) throw new ConfigError(describeEnvError(result.error));
  return result.data;
}

export class ConfigError extends Error {}
