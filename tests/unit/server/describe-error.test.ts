// What an error says in the log and to a user: its fields, addresses with their secrets redacted, and zod's issues in one sentence.
import { describe, expect, it } from "vitest";
import { AppError } from "../../../src/server/errors/app-error";
import { z } from "zod";
import { describeError, redactUrls, zodMessage } from "../../../src/server/errors/describe-error";

describe("describeError", () => {
  it("keeps one line and hides URL passwords", () => {
    const err = new Error("connect failed for postgresql://app:s3cret@db:5432/x\n    at stack line");
    expect(describeError(err)).toBe("connect failed for postgresql://app:***@db:5432/x");
  });

  it("reads a message that starts with a blank line and only introduces its last line (Prisma's), which was a bare ''", () => {
    const prisma = new Error("\nInvalid `prisma.$queryRaw()` invocation:\n\n\nRaw query failed. Message: `Can't reach database server at 127.0.0.1:5999`");
    expect(describeError(prisma)).toBe("Invalid `prisma.$queryRaw()` invocation: Raw query failed. Message: `Can't reach database server at 127.0.0.1:5999`");
    const withFrame = new Error(
      "\nInvalid `db.ingestRun.create()` invocation in\n/app/src/x.ts:45:3\n\n  42 const run = await\n→ 45 db.ingestRun.create(\n\nCan't reach database server at 127.0.0.1:5999",
    );
    expect(describeError(withFrame)).toBe("Invalid `db.ingestRun.create()` invocation: Can't reach database server at 127.0.0.1:5999");
    expect(describeError(new Error("\n  the real line\nmore"))).toBe("the real line");
  });

  it("names network failures", () => {
    const err = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(describeError(err)).toBe("connect ECONNREFUSED 127.0.0.1:5432 (connection refused)");
  });

  it("says each of a validation's messages once, however many checks failed with the same words", () => {
    const schema = z.object({ email: z.string().max(5, "That address is too long.").regex(/^x+$/, "That address is too long.") });
    const result = schema.safeParse({ email: "a".repeat(10) });
    expect(result.success).toBe(false);
    expect(describeError(result.error)).toBe("email: That address is too long.");
  });

  it("uses an AppError's message", () => {
    expect(describeError(new AppError("NOT_FOUND", "no such paper"))).toBe("no such paper");
  });

  it("redacts smtp credentials too", () => {
    expect(redactUrls("smtps://user:pa55@mail.example.org:465")).toBe("smtps://user:***@mail.example.org:465");
  });
});

describe("zodMessage", () => {
  it("joins several failures with '; ', each said once, without a full stop before the join", () => {
    const schema = z.object({ minUpvotes: z.number().int("must be a whole number.").max(100, "must be at most 100."), email: z.string("must be text.") });
    const result = schema.safeParse({ minUpvotes: 1.5e308, email: 3 });
    expect(result.success).toBe(false);
    expect(zodMessage(result.error!)).toBe("minUpvotes: must be a whole number; minUpvotes: must be at most 100; email: must be text.");
    expect(zodMessage(z.string("must be text.").safeParse(1).error!)).toBe("must be text.");
  });

  it("names the first ten problems, each cut to 300 characters, and counts the rest: a body of thousands of bad keys made megabytes", () => {
    const many = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`key${i}`, 1]));
    const unknownKeys = z.strictObject({ source: z.string() }).safeParse({ source: "hf-daily", ...many }).error!;
    const oneIssue = zodMessage(unknownKeys);
    expect(oneIssue.length).toBeLessThanOrEqual(300);
    expect(oneIssue).toMatch(/^Unrecognized keys: "key0", "key1", .*…$/);
    const perItem = z.array(z.number("must be a number.")).safeParse(Array.from({ length: 5_000 }, () => "x")).error!;
    expect(zodMessage(perItem)).toBe([...Array.from({ length: 10 }, (_, i) => `${i}: must be a number`), "and 4,990 more problems."].join("; "));
    const eleven = z.array(z.number("must be a number.")).safeParse(Array.from({ length: 11 }, () => "x")).error!;
    expect(zodMessage(eleven)).toMatch(/; and 1 more problem\.$/);
    const emoji = z.strictObject({}).safeParse(Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`😀${i}`, 1]))).error!;
    expect(zodMessage(emoji)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
