// Who is calling, for rate limits: the socket's peer, or as many proxy hops as TRUST_PROXY trusts; never what the client wrote.
import { describe, expect, it } from "vitest";
import { clientAddressOf } from "@/server/http/client-address";

describe("clientAddressOf", () => {
  it("with no trusted proxy, is the peer whatever X-Forwarded-For says", () => {
    expect(clientAddressOf({ peer: "203.0.113.7", forwardedFor: undefined, trustedHops: 0 })).toBe("203.0.113.7");
    expect(clientAddressOf({ peer: "203.0.113.7", forwardedFor: "198.51.100.1, 198.51.100.2", trustedHops: 0 })).toBe("203.0.113.7");
  });

  it("with one trusted proxy, is the hop that proxy appended, never an earlier (client-written) one", () => {
    // The proxy at 10.0.0.2 appended the address it was called from; everything left of it came from the client.
    const forged = ["1.1.1.1", "2.2.2.2", "9.9.9.9"].map((hop) => clientAddressOf({ peer: "10.0.0.2", forwardedFor: `${hop}, 203.0.113.7`, trustedHops: 1 }));
    expect(forged).toEqual(["203.0.113.7", "203.0.113.7", "203.0.113.7"]);
    expect(clientAddressOf({ peer: "10.0.0.2", forwardedFor: ["5.5.5.5", "203.0.113.7"], trustedHops: 1 })).toBe("203.0.113.7");
  });

  it("with more hops trusted than the request passed, falls back to the leftmost address it has", () => {
    expect(clientAddressOf({ peer: "10.0.0.2", forwardedFor: undefined, trustedHops: 1 })).toBe("10.0.0.2");
    expect(clientAddressOf({ peer: "10.0.0.3", forwardedFor: "203.0.113.7", trustedHops: 2 })).toBe("203.0.113.7");
  });

  it("normalises IPv4-mapped IPv6 and keys IPv6 clients by their /64", () => {
    expect(clientAddressOf({ peer: "::ffff:127.0.0.1", forwardedFor: undefined, trustedHops: 0 })).toBe("127.0.0.1");
    const a = clientAddressOf({ peer: "2001:db8:1:2:aaaa::1", forwardedFor: undefined, trustedHops: 0 });
    const b = clientAddressOf({ peer: "2001:db8:1:2:bbbb::9", forwardedFor: undefined, trustedHops: 0 });
    expect(a).toBe("2001:db8:1:2::/64");
    expect(b).toBe(a);
  });

  it("reads a port or brackets a proxy may add, and calls anything else unknown", () => {
    expect(clientAddressOf({ peer: "10.0.0.2", forwardedFor: "203.0.113.7:51234", trustedHops: 1 })).toBe("203.0.113.7");
    expect(clientAddressOf({ peer: "10.0.0.2", forwardedFor: "[2001:db8::1]:443", trustedHops: 1 })).toBe("2001:db8::/64");
    expect(clientAddressOf({ peer: "10.0.0.2", forwardedFor: "not-an-address", trustedHops: 1 })).toBe("unknown");
    expect(clientAddressOf({ peer: undefined, forwardedFor: undefined, trustedHops: 0 })).toBe("unknown");
  });
});
