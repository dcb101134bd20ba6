// Turns any thrown value into one clear, secret-free line for CLIs and logs.
import { ZodError } from "zod";
import { countOf } from "@/core/text/count-of";
import { isAppError } from "./app-error";

const NETWORK_HINTS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  ETIMEDOUT: "connection timed out",
  EADDRINUSE: "address already in use",
};

export function redactUrls(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)([^:@/\s]+):([^@/\s]+)@/gi, "$1$2:***@");
}

/** At most this many of a parse's problems are named, each in at most MAX_ISSUE_CHARS (see zodMessage). */
const MAX_ISSUES = 10;
const MAX_ISSUE_CHARS = 300;

/**
 * A failed zod parse in one line: each issue as "path: message". A body of 300,000 unknown keys made a 3.8 MB answer naming every
 * key (zod's message lists them all) in 2.2 s; a client needs the first few problems, so the line names at most MAX_ISSUES, each cut
 * to MAX_ISSUE_CHARS, and counts the rest.
 */
export function zodMessage(err: ZodError): string {
  // Two checks can fail with the same words (a too-long address fails the length and the address format): each is said once. Joined
  // with "; ", a message's own closing full stop is dropped but the last one's ("…whole number; minUpvotes: …", not "number.; …").
  const all = [...new Set(err.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)))];
  // Cut by code points, so no emoji in an echoed key is split into a lone surrogate.
  const cut = (message: string) =>
    message.length > MAX_ISSUE_CHARS
      ? `${Array.from(message)
          .slice(0, MAX_ISSUE_CHARS - 1)
          .join("")}…`
      : message;
  const shown = all.slice(0, MAX_ISSUES).map(cut);
  if (all.length > shown.length) shown.push(`and ${countOf(all.length - shown.length, "more problem")}.`);
  return shown.map((message, n) => (n < shown.length - 1 ? message.replace(/\.$/, "") : message)).join("; ");
}

/** Prisma's first line, "Invalid `db.x.create()` invocation in" (then the caller's file and a code frame) or "… invocation:". */
const PRISMA_INVOCATION = /^(Invalid `[^`]+` invocation)(?: in|:)$/;

/**
 * A message's first line of text; for Prisma's, which start with a blank line and an "Invalid … invocation" line and say what went
 * wrong last, that line's words and the last line (an unreachable database read as a bare "Error: ").
 */
function firstLine(message: string): string {
  const lines = message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  const invocation = PRISMA_INVOCATION.exec(lines[0] ?? "");
  return invocation && lines.length > 1 ? `${invocation[1]}: ${lines.at(-1)}` : (lines[0] ?? "");
}

export function describeError(err: unknown): string {
  if (isAppError(err)) return err.message;
  if (err instanceof ZodError) return zodMessage(err);
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    const hint = code && NETWORK_HINTS[code] ? ` (${NETWORK_HINTS[code]})` : "";
    const message = firstLine(err.message) || (err instanceof AggregateError ? err.errors.map(describeError).join("; ") : "") || code || err.name;
    return redactUrls(`${message}${hint}`);
  }
  return redactUrls(String(err));
}
