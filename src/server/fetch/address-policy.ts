// Which URLs the fetcher may reach: allow-listed hosts over https, never private, loopback, link-local or other special-purpose addresses.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { FetchError } from "./fetch-error";

// The listings' hosts, and the CDN Hugging Face serves paper thumbnails from (fetched once at ingestion, see src/server/thumbnails).
const ALLOWED_HOSTS: readonly string[] = ["huggingface.co", "arxiv.org", "export.arxiv.org", "rss.arxiv.org", "cdn-thumbnails.huggingface.co"];

export type TAddressPolicy = { allowLoopback: boolean };

// ipaddr.js keeps the IANA special-purpose registries (RFC 6890 and later); anything it does not call "unicast" is refused.
const RANGE_NAMES: Readonly<Record<string, string>> = {
  linkLocal: "link-local",
  uniqueLocal: "unique-local (private)",
  carrierGradeNat: "carrier-grade NAT (shared)",
  rfc6052: "local-use NAT64",
};

// IPv6 addresses that stand for the IPv4 address in their last 32 bits, which then decides: NAT64's well-known prefix
// (RFC 6052) and the deprecated IPv4-compatible ::/96 other than :: and ::1. (ipaddr.process already unwraps ::ffff:0:0/96.)
const NAT64 = ipaddr.parseCIDR("64:ff9b::/96");
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");

function judgedAddress(ip: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const addr = ipaddr.process(ip);
  if (!(addr instanceof ipaddr.IPv6)) return addr;
  if (!addr.match(NAT64) && !(addr.match(IPV4_COMPATIBLE) && addr.range() === "unicast")) return addr;
  const [high = 0, low = 0] = addr.parts.slice(6);
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** Why an address must not be fetched, or null when it is a public unicast address. */
export function forbiddenAddressReason(ip: string, policy: TAddressPolicy): string | null {
  if (!isIP(ip)) return "not an IP address";
  const addr = judgedAddress(ip);
  const range = addr.range();
  if (range === "unicast") return null;
  if (range === "loopback" && addr.kind() === "ipv4" && policy.allowLoopback) return null;
  return `${RANGE_NAMES[range] ?? range} address`;
}

/** Throws unless the URL is one the fetcher may request (before DNS; addresses are checked again at connect time). */
export function assertFetchableUrl(raw: string | URL, policy: TAddressPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError("forbidden", String(raw), `not an absolute URL: ${String(raw)}`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (url.username || url.password) throw new FetchError("forbidden", url.href, `refused ${url.href}: credentials in URL`);
  const loopbackLiteral = policy.allowLoopback && isIP(host) === 4 && ipaddr.IPv4.parse(host).range() === "loopback";
  if (loopbackLiteral) {
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new FetchError("forbidden", url.href, `refused ${url.href}: only http(s)`);
    return url;
  }
  if (isIP(host)) {
    const reason = forbiddenAddressReason(host, policy) ?? "IP addresses are not allow-listed";
    throw new FetchError("forbidden", url.href, `refused ${url.href}: ${reason}`);
  }
  if (!ALLOWED_HOSTS.includes(host)) {
    throw new FetchError("forbidden", url.href, `refused ${url.href}: host ${host} is not allow-listed (${ALLOWED_HOSTS.join(", ")})`);
  }
  if (url.protocol !== "https:") throw new FetchError("forbidden", url.href, `refused ${url.href}: only https is allowed`);
  if (url.port && url.port !== "443") throw new FetchError("forbidden", url.href, `refused ${url.href}: only port 443 is allowed`);
  return url;
}
