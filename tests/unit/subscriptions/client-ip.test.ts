// The client address used for per-IP limits: the proxy's first X-Forwarded-For hop, then X-Real-IP.
import { describe, expect, it } from "vitest";
import { clientIp } from "../../../src/server/subscriptions/client-ip";

describe("clientIp", () => {
  it("takes the first forwarded hop, then X-Real-IP, else a shared bucket", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": " 203.0.113.5 , 10.0.0.1" }))).toBe("203.0.113.5");
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(new Headers({ "x-forwarded-for": "", "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
