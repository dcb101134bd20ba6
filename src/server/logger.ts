// Structured, one-line-per-event logging (pino), with secrets redacted, on stderr: stdout is what a command prints
// (`npm run ingest -- --json | jq`), so a log line must never land in it.
import pino from "pino";
import { LOG_LEVELS } from "./config-schema";
import { redactUrls } from "./errors/describe-error";

/** LOG_LEVEL as pino takes it: a value the configuration will refuse (naming the variable, in one line) must not throw here first. */
const level = (LOG_LEVELS as readonly string[]).includes(process.env.LOG_LEVEL ?? "") ? process.env.LOG_LEVEL! : "info";

/**
 * An error as a log line carries it: what it is, its code and where it was thrown, never the objects some libraries hang on it (pg's
 * connection errors carry their Client, with the server's `secretKey` for cancelling queries, which pino's own serializer wrote out).
 */
export function serializeError(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const { code, detail } = err as Error & { code?: unknown; detail?: unknown };
  return {
    type: err.name,
    message: redactUrls(err.message),
    ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
    ...(typeof detail === "string" ? { detail: redactUrls(detail) } : {}),
    stack: err.stack,
    ...(err.cause !== undefined ? { cause: serializeError(err.cause) } : {}),
  };
}

export const logger = pino(
  {
    level,
    serializers: { err: serializeError },
    base: { app: "paper-digest" },
    redact: {
      paths: [
        "token",
        "*.token",
        "authorization",
        "*.authorization",
        "headers.authorization",
        "password",
        "*.password",
        "secret",
        "*.secret",
        "email",
        "*.email",
      ],
      censor: "[redacted]",
    },
    formatters: { level: (label) => ({ level: label }) },
    hooks: {
      logMethod(args, method) {
        method.apply(this, args.map((a) => (typeof a === "string" ? redactUrls(a) : a)) as Parameters<typeof method>);
      },
    },
  },
  pino.destination({ dest: 2, sync: true }),
);
