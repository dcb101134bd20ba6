// Which URLs the fetcher may reach: allow-listed hosts over https, never private, loopback or link-local addresses.
import { isIP } from "node:net";
import { FetchError } from "./fetch-error";

export const ALLOWED_HOSTS: readonly string[] = ["huggingface.co", "arxiv.org", "export.arxiv.org", "rss.arxiv.org"];

export type TAddressPolicy = { allowLoopback: boolean };

const v4Blocks: [string, number][] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
];

const v4ToInt = (ip: string) => ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);

function inV4Block(ip: string, [base, bits]: [string, number]): boolean {
  const mask = bits === 0 ? 0 : 2 ** 32 - 2 ** (32 - bits);
  return (v4ToInt(ip) & mask) >>> 0 === (v4ToInt(base) & mask) >>> 0;
}

const isV4Loopback = (ip: string) => inV4Block(ip, ["127.0.0.0", 8]);

/** Expands an IPv6 address to eight 16-bit groups; an embedded dotted IPv4 tail becomes two groups. */
function v6Groups(ip: string): number[] {
  let addr = ip.toLowerCase().split("%")[0]!;
  const v4Tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(addr);
  if (v4Tail) {
    const n = v4ToInt(v4Tail[1]!);
    addr = addr.slice(0, -v4Tail[1]!.length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = addr.split("::") as [string, string | undefined];
  const parse = (s: string) => (s ? s.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const fill = tail === undefined ? [] : new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...fill, ...right];
}

function embeddedV4(groups: number[]): string | null {
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  const isCompat = groups.slice(0, 6).every((g) => g === 0) && (groups[6]! !== 0 || groups[7]! > 1);
  const isNat64 = groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((g) => g === 0);
  if (!isMapped && !isCompat && !isNat64) return null;
  return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join(".");
}

/** Why an address must not be fetched, or null when it is a public unicast address. */
export function forbiddenAddressReason(ip: string, policy: TAddressPolicy): string | null {
  const family = isIP(ip);
  if (family === 4) {
    if (isV4Loopback(ip)) return policy.allowLoopback ? null : "loopback address";
    return v4Blocks.some((b) => inV4Block(ip, b)) ? "private, link-local or reserved address" : null;
  }
  if (family === 6) {
    const g = v6Groups(ip);
    const v4 = embeddedV4(g);
    if (v4) return forbiddenAddressReason(v4, policy);
    if (g.every((x) => x === 0)) return "unspecified address";
    if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return "loopback address";
    if ((g[0]! & 0xfe00) === 0xfc00) return "unique-local (private) address";
    if ((g[0]! & 0xffc0) === 0xfe80 || (g[0]! & 0xffc0) === 0xfec0) return "link-local address";
    if ((g[0]! & 0xff00) === 0xff00) return "multicast address";
    if (g[0] === 0x2001 && g[1] === 0x0db8) return "documentation address";
    return null;
  }
  return "not an IP address";
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
  const loopbackLiteral = policy.allowLoopback && isIP(host) === 4 && isV4Loopback(host);
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
