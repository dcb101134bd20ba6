// The admin pages' search parameter: a repeated one reads as its first value, never as zod's words about arrays.
import { describe, expect, it } from "vitest";
import { ZAdminSearch } from "../../../src/server/admin/load-admin-pages";

describe("ZAdminSearch", () => {
  it("reads ?q=a&q=b as a, trimmed", () => {
    expect(ZAdminSearch.parse([" graph ", "other"])).toBe("graph");
    expect(ZAdminSearch.parse("  x ")).toBe("x");
  });

  it("refuses a control character with the app's own message", () => {
    const result = ZAdminSearch.safeParse("a\u0000b");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/control characters/);
  });
});
