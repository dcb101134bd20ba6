// Admin credentials and cookies: which secret matched, and the session cookie's attributes.
import { describe, expect, it } from "vitest";
import { adminCookie, clearedAdminCookie, matchAdminCredential } from "@/server/auth/admin-login";
import { ADMIN_COOKIE } from "@/server/auth/admin-cookie";
import { csvCell } from "@/server/admin/export-subscribers";

describe("matchAdminCredential", () => {
  const adminToken = "token-0123456789abcdef";
  it("accepts the token, and the password only when one is set", () => {
    expect(matchAdminCredential({ credential: adminToken, adminToken })).toBe("token");
    expect(matchAdminCredential({ credential: "hunter22hunter", adminToken })).toBeNull();
    expect(matchAdminCredential({ credential: "hunter22hunter", adminToken, adminPassword: "hunter22hunter" })).toBe("password");
  });
  it("rejects near misses and empty input", () => {
    expect(matchAdminCredential({ credential: adminToken.slice(0, -1), adminToken })).toBeNull();
    expect(matchAdminCredential({ credential: `${adminToken} `, adminToken })).toBeNull();
    expect(matchAdminCredential({ credential: "", adminToken, adminPassword: "hunter22hunter" })).toBeNull();
  });
});

describe("admin cookie", () => {
  it("is httpOnly and SameSite=Lax everywhere, Secure only under https", () => {
    const expires = new Date("2026-11-28T00:00:00Z");
    const plain = adminCookie({ value: "v", expires, appUrl: "http://localhost:3000" });
    expect(plain).toEqual({ name: ADMIN_COOKIE, value: "v", options: { httpOnly: true, sameSite: "lax", secure: false, path: "/", expires } });
    expect(adminCookie({ value: "v", expires, appUrl: "https://papers.example.org" }).options.secure).toBe(true);
  });
  it("sign-out replaces it with an empty, expired cookie (the session itself ends on the server: admin-session-revocation.test.ts)", () => {
    const cleared = clearedAdminCookie("https://papers.example.org");
    expect(cleared.value).toBe("");
    expect(cleared.options.expires.getTime()).toBe(0);
  });
});

describe("csvCell", () => {
  it("quotes commas, quotes and newlines, and defuses spreadsheet formulas", () => {
    expect(csvCell("a@b.org")).toBe("a@b.org");
    expect(csvCell('x,"y"')).toBe('"x,""y"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("evil")')).toBe('"\'=HYPERLINK(""evil"")"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(false)).toBe("false");
  });
});
