// errorResponse: a database that cannot answer now (no connection to give in time, unreachable, refusing connections, starting up, a
// connection dropped, a statement past its timeout) is a 503 with Retry-After, not a 500 logged as a bug. The errors are shaped as Prisma 7 over @prisma/adapter-pg throws
// them; tests/integration/busy-database.test.ts provokes each on a real server.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { errorResponse, forReader } from "../../../src/server/http/respond";
import { AppError } from "../../../src/server/errors/app-error";

/** A Prisma error carrying the driver adapter's reading of the failure, as Prisma keeps it. */
const withDriverFailure = (code: string, cause: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError(`Invalid invocation (${code})`, {
    code,
    clientVersion: "7",
    meta: { driverAdapterError: Object.assign(new Error(String(cause.kind)), { name: "DriverAdapterError", cause }) },
  });

describe("errorResponse", () => {
  it("answers every way the database cannot answer now with 503 and Retry-After", async () => {
    const busy = {
      "a transaction that could not start (P2028)": new Prisma.PrismaClientKnownRequestError(
        "Transaction API error: Unable to start a transaction in the given time.",
        { code: "P2028", clientVersion: "7" },
      ),
      "pg-pool's wait for a connection": new Error("timeout exceeded when trying to connect"),
      "a server nothing answers at": withDriverFailure("P1001", { kind: "DatabaseNotReachable" }),
      "the same, from a raw query": withDriverFailure("P2010", { kind: "DatabaseNotReachable" }),
      "too many connections": withDriverFailure("P2037", { kind: "TooManyConnections", cause: 'too many connections for role "app"' }),
      "a statement past statement_timeout": withDriverFailure("P2039", {
        kind: "postgres",
        code: "57014",
        message: "canceling statement due to statement timeout",
      }),
      "a connection reset (ECONNRESET)": withDriverFailure("P1017", { kind: "ConnectionClosed" }),
      "a socket timed out (ETIMEDOUT)": withDriverFailure("P2010", { kind: "SocketTimeout" }),
      "a restart or a failover ending the connection": withDriverFailure("P2010", { kind: "postgres", code: "57P01" }),
      "a crashed server ending it": withDriverFailure("P2039", { kind: "postgres", code: "57P02" }),
      "a server starting up": withDriverFailure("P2039", { kind: "postgres", code: "57P03" }),
      "a host that never answered": new Error("Connection terminated due to connection timeout", {
        cause: new Error("Connection terminated unexpectedly"),
      }),
      "a connection dropped without a word, wrapped": new Error("the feed could not be read", { cause: new Error("Connection terminated unexpectedly") }),
    };
    for (const [what, err] of Object.entries(busy)) {
      const res = errorResponse(err);
      expect(res.status, what).toBe(503);
      expect(res.headers.get("retry-after"), what).toBe("5");
      expect(await res.json(), what).toEqual({ error: { code: "UNAVAILABLE", message: "The server is busy. Try again in a few seconds." } });
    }
  });

  it("still answers any other failure with a 500 that says nothing of it", async () => {
    const other = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "7" });
    const division = withDriverFailure("P2010", { kind: "postgres", code: "22012", message: "division by zero" });
    const missing = withDriverFailure("P1003", { kind: "DatabaseDoesNotExist" });
    // The transaction API's other failures are the code's: a transaction held past its timeout, or used once it ended.
    const expired = new Prisma.PrismaClientKnownRequestError(
      "Transaction API error: A query cannot be executed on an expired transaction. The timeout for this transaction was 100 ms, however 303 ms passed since the start of the transaction.",
      { code: "P2028", clientVersion: "7", meta: { operation: "query", timeout: 100, timeTaken: 303 } },
    );
    const closed = new Prisma.PrismaClientKnownRequestError(
      "Transaction API error: Transaction already closed: A query cannot be executed on a committed transaction.",
      { code: "P2028", clientVersion: "7" },
    );
    for (const err of [other, division, missing, expired, closed, new Error("boom")]) {
      const res = errorResponse(err);
      expect(res.status).toBe(500);
      expect(res.headers.get("retry-after")).toBeNull();
      expect(await res.json()).toEqual({ error: { code: "INTERNAL", message: "Something went wrong on our side." } });
    }
  });
});

describe("forReader", () => {
  const title = async (res: Response) => /<title>([^<]*)<\/title>/.exec(await res.text())?.[1];

  it("titles a browser's error page by whose the fault is: the address, the server's load, or the server", async () => {
    const html = "text/html,application/xhtml+xml";
    const invalid = await forReader(html, errorResponse(new AppError("INVALID_INPUT", "Pick a date as YYYY-MM-DD.")));
    expect(invalid.status).toBe(400);
    expect(await title(invalid)).toMatch(/That address did not work/);
    const busy = await forReader(html, errorResponse(new AppError("UNAVAILABLE", "busy", { retryAfterSeconds: 5 })));
    expect(busy.status).toBe(503);
    expect(await title(busy)).toMatch(/Busy just now/);
    const broken = await forReader(html, errorResponse(new Error("boom")));
    expect(broken.status).toBe(500);
    const text = await broken.clone().text();
    expect(await title(broken)).toMatch(/Something went wrong/);
    expect(text).not.toContain("did not work");
  });
});
