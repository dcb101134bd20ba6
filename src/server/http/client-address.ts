// The one way the app learns who is calling, for per-client rate limits: the connection's peer, unless TRUST_PROXY says how many
// reverse proxies in front of us to believe. The app's server (scripts/serve.ts) works it out per connection and passes it on
// in a header it always overwrites, so no client can choose its own address.
import ipaddr from "ipaddr.js";

export const CLIENT_ADDRESS_HEADER = "x-paper-digest-client";

/**
 * The address `trustedHops` proxies away from us: the peer itself with 0; with n, the n-th entry from the right of
 * X-Forwarded-For (each trusted proxy appends the address it was called from). Entries further left were written by the
 * client and are never believed. IPv6 clients are keyed by their /64, which one client controls as a whole.
 */
export function clientAddressOf(opts: { peer: string | undefined; forwardedFor: string | string[] | undefined; trustedHops: number }): string {
  const forwarded = [opts.forwardedFor ?? []]
    .flat()
    .flatMap((value) => value.split(","))
    .map((hop) => hop.trim())
    .filter(Boolean);
  const chain = [...forwarded, opts.peer ?? ""];
  const chosen = chain[Math.max(0, chain.length - 1 - opts.trustedHops)] ?? "";
  return rateLimitKey(chosen);
}

function rateLimitKey(raw: string): string {
  const bare = raw.replace(/^\[|\](:\d+)?$/g, "").replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/, "$1");
  if (!ipaddr.isValid(bare)) return "unknown";
  const address = ipaddr.process(bare);
  if (address.kind() === "ipv4") return address.toString();
  return `${ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/64`).toString()}/64`;
}

/** What the app's server passed on; "unknown" when a request did not come through it (a bare `next start`). */
export function clientAddress(headers: Headers): string {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
}
