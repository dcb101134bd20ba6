// The environment as the app reads it once at start: defaults, schedules, empty strings as unset, and errors logged without what libraries hang on them.
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "../../../src/server/config-schema";

describe("parseEnv", () => {
  it("gives defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, MAIL_RATE: 50, SEED_DEMO: true, DB_POOL_SIZE: 10 });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("schedules ingestion hourly and the digest daily at 07:00 UTC unless told otherwise; off disables either", () => {
    expect(parseEnv({})).toMatchObject({ INGEST_SCHEDULE: "0 * * * *", DIGEST_SCHEDULE: "0 7 * * *" });
    expect(parseEnv({ INGEST_SCHEDULE: "off", DIGEST_SCHEDULE: "OFF" })).toMatchObject({ INGEST_SCHEDULE: null, DIGEST_SCHEDULE: null });
    expect(parseEnv({ INGEST_SCHEDULE: "*/30 * * * *" }).INGEST_SCHEDULE).toBe("*/30 * * * *");
  });

  it("an invalid LOG_LEVEL does not stop the logger from saying so", async () => {
    process.env.LOG_LEVEL = "verbose";
    try {
      const { logger } = await import("../../../src/server/logger");
      expect(logger.level).toBe("info");
    } finally {
      delete process.env.LOG_LEVEL;
    }
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", SMTP_URL: " " });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SMTP_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: "99999" }, /^Invalid configuration: PORT must be a whole number from 1 to 65535 \(got "99999"\)$/],
    [{ DATABASE_URL: "mysql://x" }, /^Invalid configuration: DATABASE_URL must be a postgresql:\/\/ URL/],
    [{ SMTP_URL: "http://x" }, /^Invalid configuration: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ ADMIN_TOKEN: "short" }, /^Invalid configuration: ADMIN_TOKEN must be at least 16 characters/],
    [{ APP_URL: "localhost:3000" }, /^Invalid configuration: APP_URL must be an absolute http\(s\) URL/],
    [{ DIGEST_SCHEDULE: "daily" }, /^Invalid configuration: DIGEST_SCHEDULE must be a cron expression/],
    [{ INGEST_SCHEDULE: "61 * * * *" }, /^Invalid configuration: INGEST_SCHEDULE must be a cron expression/],
    [{ SEED_DEMO: "maybe" }, /^Invalid configuration: SEED_DEMO must be true or false$/],
    [{ DB_POOL_SIZE: "0" }, /^Invalid configuration: DB_POOL_SIZE must be a whole number from 1 to 100 \(got "0"\)$/],
    [{ LOG_LEVEL: "verbose" }, /^Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/],
  ])("rejects %o with a line naming the variable", (env, message) => {
    expect(() => parseEnv(env)).toThrowError(ConfigError);
    expect(() => parseEnv(env)).toThrowError(message);
  });
});

describe("serializeError", () => {
  it("logs what an error is, never the objects a library hangs on it (a pg Client with its secretKey)", async () => {
    const { serializeError } = await import("../../../src/server/logger");
    const err = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
      client: { processID: 42, secretKey: 123456789, connectionParameters: { password: "hunter2" } },
    });
    const line = JSON.stringify(serializeError(err));
    expect(line).toContain('"code":"57P01"');
    expect(line).toContain("terminating connection");
    expect(line).not.toMatch(/secretKey|123456789|hunter2|processID/);
    expect(serializeError("plain")).toBe("plain");
  });
});
