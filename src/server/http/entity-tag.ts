// Strong validators (ETags) from a body's SHA-256: one scheme for the pages the app's server tags and the bodies handlers tag themselves.
import { createHash } from "node:crypto";

export const sha256 = (bytes: Buffer | string): string => createHash("sha256").update(bytes).digest("base64url");

/** A strong validator from a body's SHA-256 (base64url) and the encoding its bytes are sent in: each encoding is its own representation. */
export function entityTag(digest: string, encoding: "br" | "gzip" | null): string {
  return `"${digest.slice(0, 27)}${encoding ? `-${encoding}` : ""}"`;
}

/**
 * The ETag of a body a route handler sends itself (a feed, an API read): its identity bytes' tag. Streamed through the compression
 * package, whose encoding only the app's server knows, it gets the encoding's suffix there, as a page's tag does (compress-response.ts).
 */
export function entityTagOf(body: string): string {
  return entityTag(sha256(body), null);
}
