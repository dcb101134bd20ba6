// Constant-time comparison and HMAC signing for tokens, links and cookies.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/** Compares two secrets in constant time (hashing first so lengths never leak). */
export function safeEqual(a: string, b: string): boolean {
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

/**
 * A token as the app writes one into a link (randomToken, signPayload): base64url parts joined by dots. Anything else, a line break
 * say, is no token of ours, and is refused before it reaches a lookup or a redirect's Location (where a line break was a 500).
 */
export const ZLinkToken = z
  .string()
  .min(10)
  .max(2000)
  .regex(/^[\w-]+(?:\.[\w-]+)*$/, "is not a link token");

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

export function hmac(key: string, value: string): string {
  return createHmac("sha256", key).update(value).digest("base64url");
}

/** `payload.signature`, where payload is base64url JSON; verify with `verifySigned`. */
export function signPayload(key: string, purpose: string, payload: Record<string, unknown>): string {
  const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${body}.${hmac(key, `${purpose}:${body}`)}`;
}

export function verifySigned<T>(key: string, purpose: string, token: string): T | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const body = token.slice(0, dot);
  if (!safeEqual(token.slice(dot + 1), hmac(key, `${purpose}:${body}`))) return null;
  try {
    return JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as T;
  } catch {
    return null;
  }
}
