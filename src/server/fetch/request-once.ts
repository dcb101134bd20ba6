// One HTTP GET with a deadline, a size cap and a DNS guard that checks every resolved address at connect time.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Readable } from "node:stream";
import { forbiddenAddressReason, type TAddressPolicy } from "./address-policy";
import { FetchError } from "./fetch-error";

/** The body as bytes: listings decode it as UTF-8, thumbnails keep it as it came. */
export type TRawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

export type TRequestOptions = {
  headers: Record<string, string>;
  timeoutMs: number;
  maxBytes: number;
  policy: TAddressPolicy;
  lookup?: typeof dnsLookup;
};

/** A lookup that resolves every address of the host and refuses the connection if any is forbidden (defeats DNS rebinding to private ranges). */
function guardedLookup(policy: TAddressPolicy, resolve: typeof dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    // The test-only loopback setting keeps a test off the network: a listing's thumbnail on Hugging Face's CDN would otherwise be a
    // real DNS query (and a real download with a network), which on CI's resolver now and then waited 5 s for an answer.
    if (policy.allowLoopback) {
      return callback(
        Object.assign(new Error(`${hostname} is not looked up: with FETCH_ALLOW_LOOPBACK (test-only) the fetcher reaches only 127.0.0.1`), {
          code: "ENOTFOUND",
        }),
        "",
        4,
      );
    }
    resolve(hostname, { all: true, family: options.family }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 4);
      const bad = addresses.map((a) => ({ a, reason: forbiddenAddressReason(a.address, policy) })).find((x) => x.reason);
      if (bad || addresses.length === 0) {
        const reason = bad ? `${hostname} resolves to ${bad.a.address}, a ${bad.reason}` : `${hostname} has no address`;
        return callback(Object.assign(new Error(reason), { code: "EFORBIDDENADDRESS" }), "", 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function decoded(res: http.IncomingMessage): Readable {
  const encoding = String(res.headers["content-encoding"] ?? "")
    .toLowerCase()
    .trim();
  if (encoding === "gzip" || encoding === "x-gzip") return res.pipe(createGunzip());
  if (encoding === "deflate") return res.pipe(createInflate());
  if (encoding === "br") return res.pipe(createBrotliDecompress());
  return res;
}

export function requestOnce(url: URL, opts: TRequestOptions): Promise<TRawResponse> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err: Error | null, value?: TRawResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve(value!);
    };
    const req = client.request(url, {
      method: "GET",
      headers: opts.headers,
      agent: false,
      lookup: guardedLookup(opts.policy, opts.lookup ?? dnsLookup),
    });
    const timer = setTimeout(
      () => finish(new FetchError("timeout", url.href, `timed out after ${Math.round(opts.timeoutMs / 1000)} s fetching ${url.href}`)),
      opts.timeoutMs,
    );
    req.on("error", (err: NodeJS.ErrnoException) => {
      const kind = err.code === "EFORBIDDENADDRESS" ? "forbidden" : "network";
      finish(new FetchError(kind, url.href, `${kind === "forbidden" ? "refused" : "could not fetch"} ${url.href}: ${err.message}`, { cause: err }));
    });
    req.on("response", (res) => {
      const declared = Number(res.headers["content-length"]);
      const tooLarge = () => new FetchError("too-large", url.href, `response from ${url.href} is larger than ${opts.maxBytes} bytes`);
      if (Number.isFinite(declared) && declared > opts.maxBytes) return finish(tooLarge());
      const chunks: Buffer[] = [];
      let size = 0;
      const stream = decoded(res);
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes) return finish(tooLarge());
        chunks.push(chunk);
      });
      stream.on("error", (err) => finish(new FetchError("network", url.href, `broken response from ${url.href}: ${err.message}`, { cause: err })));
      stream.on("end", () => {
        if (!res.complete) return finish(new FetchError("network", url.href, `truncated response from ${url.href}: the connection closed early`));
        finish(null, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
      });
      res.on("aborted", () => finish(new FetchError("network", url.href, `truncated response from ${url.href}: the connection closed early`)));
    });
    req.end();
  });
}
