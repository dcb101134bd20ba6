// Keyset cursors round-trip exactly and reject tampering or a different sort with INVALID_INPUT.
import { describe, expect, it } from "vitest";
import { cursorProblem, decodeCursor, encodeCursor, listOrderOf } from "../../../src/server/repo/paper-cursor";

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

  it.each([
    ["new", "2026-02-30"],
    ["new", "0000-00-00"],
    ["top", 2.5],
    ["top", 1e300],
    ["new", 20260101],
    ["trending", "2026-01-01"],
    ["relevance", "0.5"],
  ] as const)("rejects a %s cursor whose value its sort key cannot hold (%s), which PostgreSQL's cast would fail", (order, value) => {
    const raw = Buffer.from(JSON.stringify({ o: order, v: value, i: 1 })).toString("base64url");
    expect(() => decodeCursor(raw, order)).toThrow(/Invalid "cursor": it is malformed/);
  });

  it("rejects a cursor made for another order", () => {
    expect(() => decodeCursor(encodeCursor({ order: "top", value: 4, id: 1 }), "trending")).toThrow(/different sort order/);
  });

  it("reads a list's order from its filters: relevance only for a text query on the default sort", () => {
    expect(listOrderOf({ q: "diffusion", sort: "trending" })).toBe("relevance");
    expect(listOrderOf({ q: "diffusion", sort: "new" })).toBe("new");
    expect(listOrderOf({ q: 'author:"Ada Lovelace"', sort: "trending" })).toBe("trending");
    expect(listOrderOf({ q: undefined, sort: "top" })).toBe("top");
  });

  it("names the problem with a list's cursor, as the proxy asks before choosing a cached page", () => {
    const relevance = encodeCursor({ order: "relevance", value: 0.5, id: 9 });
    expect(cursorProblem({ q: "diffusion", sort: "trending", cursor: relevance })).toBeNull();
    expect(cursorProblem({ q: undefined, sort: "trending", cursor: undefined })).toBeNull();
    expect(cursorProblem({ q: "diffusion", sort: "new", cursor: relevance })).toMatch(/different sort order/);
    expect(cursorProblem({ q: undefined, sort: "trending", cursor: "zzz" })).toMatch(/malformed/);
  });
});
