// errorResponse: a database with no connection to give in time is a 503 with Retry-After, not a 500 logged as a bug.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { errorResponse } from "../../../src/server/http/respond";

describe("errorResponse", () => {
  it("answers Prisma's 'unable to start a transaction' (P2028) and pg-pool's connect timeout with 503 and Retry-After", async () => {
    const p2028 = new Prisma.PrismaClientKnownRequestError("Transaction API error: Unable to start a transaction in the given time.", {
      code: "P2028",
      clientVersion: "7",
    });
    for (const err of [p2028, new Error("timeout exceeded when trying to connect")]) {
      const res = errorResponse(err);
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      expect(await res.json()).toEqual({ error: { code: "UNAVAILABLE", message: "The server is busy. Try again in a few seconds." } });
    }
  });

  it("still answers any other failure with a 500 that says nothing of it", async () => {
    const other = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "7" });
    for (const err of [other, new Error("boom")]) {
      const res = errorResponse(err);
      expect(res.status).toBe(500);
      expect(res.headers.get("retry-after")).toBeNull();
      expect(await res.json()).toEqual({ error: { code: "INTERNAL", message: "Something went wrong on our side." } });
    }
  });
});
