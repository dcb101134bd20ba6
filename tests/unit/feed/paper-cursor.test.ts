// Keyset cursors round-trip exactly and reject tampering or a different sort with INVALID_INPUT.
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "../../../src/server/repo/paper-cursor";

describe("paper cursors", () => {
  it("round-trips float scores exactly and dates as strings", () => {
    const score = 0.1985165667482965;
    expect(decodeCursor(encodeCursor({ order: "trending", value: score, id: 12 }), "trending")).toEqual({ order: "trending", value: score, id: 12 });
    expect(decodeCursor(encodeCursor({ order: "new", value: "2026-06-12", id: 3 }), "new").value).toBe("2026-06-12");
  });

  it.each([
    ["garbage", "not base64 json!"],
    ["wrong shape", Buffer.from(JSON.stringify({ o: "top", v: "x", i: -1 })).toString("base64url")],
    ["date for a numeric order", Buffer.from(JSON.stringify({ o: "top", v: "2026-01-01", i: 1 })).toString("base64url")],
    ["an id beyond PostgreSQL's integer keys", Buffer.from(JSON.stringify({ o: "top", v: 1, i: 99_999_999_999 })).toString("base64url")],
  ])("rejects %s", (_name, raw) => {
    expect(() => decodeCursor(raw, "top")).toThrow(/Invalid "cursor"/);
  });

  it("rejects a cursor made for another order", () => {
    expect(() => decodeCursor(encodeCursor({ order: "top", value: 4, id: 1 }), "trending")).toThrow(/different sort order/);
  });
});
