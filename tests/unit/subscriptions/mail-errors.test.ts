// Mail error classification: what is retried (temporary) and what counts towards bouncing (permanent).
import { describe, expect, it } from "vitest";
import { classifyMailError, MailError } from "../../../src/server/mail/mail-errors";

describe("classifyMailError", () => {
  it.each([
    [{ code: "ECONNREFUSED", message: "connect ECONNREFUSED" }, "temporary"],
    [{ code: "ETIMEDOUT", message: "timeout" }, "temporary"],
    [{ code: "EENVELOPE", message: "no recipients" }, "permanent"],
    [{ responseCode: 421, message: "try later" }, "temporary"],
    [{ responseCode: 452, message: "mailbox full" }, "temporary"],
    [{ responseCode: 550, message: "no such user" }, "permanent"],
    [{ responseCode: 554, message: "rejected" }, "permanent"],
  ] as const)("%j is %s", (err, kind) => {
    const classified = classifyMailError(err);
    expect(classified).toBeInstanceOf(MailError);
    expect(classified.kind).toBe(kind);
    expect(classified.message).toBe(err.message);
  });

  it("keeps the SMTP response code and passes a MailError through unchanged", () => {
    expect(classifyMailError({ responseCode: 550, message: "x" }).responseCode).toBe(550);
    const original = new MailError("temporary", "already typed");
    expect(classifyMailError(original)).toBe(original);
  });
});
