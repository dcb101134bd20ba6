// The security headers: a CSP that allows scripts only from our origin, by hash and by the request's nonce; HSTS only over https.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "../../../src/server/http/security-headers";

const HASH = "'sha256-abc='";
const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("security headers", () => {
  it("allows scripts from our origin, the hashed site script and the request's nonce only", () => {
    expect(directive(contentSecurityPolicy({ scriptHash: HASH, nonce: "n0nce" }), "script-src")).toBe(`script-src 'self' ${HASH} 'nonce-n0nce'`);
  });

  it("refuses framing, plugins and foreign form targets", () => {
    const csp = contentSecurityPolicy({ scriptHash: HASH, nonce: "n0nce" });
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(directive(csp, "form-action")).toBe("form-action 'self'");
    expect(directive(csp, "base-uri")).toBe("base-uri 'self'");
  });

  it("loads images from our origin only (thumbnails are served from /thumbnails/), and data: URLs such as the favicon", () => {
    expect(directive(contentSecurityPolicy({ scriptHash: HASH, nonce: "n0nce" }), "img-src")).toBe("img-src 'self' data:");
  });

  it("adds HSTS only when the app is served over https", () => {
    const names = (https: boolean) => securityHeaders({ https }).map((h) => h.key);
    expect(names(false)).toEqual(["X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy"]);
    expect(names(true)).toContain("Strict-Transport-Security");
    expect(securityHeaders({ https: true }).find((h) => h.key === "Strict-Transport-Security")?.value).toBe("max-age=31536000");
  });
});
