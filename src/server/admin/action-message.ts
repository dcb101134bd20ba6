// The one-line result of an admin action, carried back in the redirect's query (?notice= or ?error=) with its signature, so a crafted
// link cannot make the console show words of its own ("Session expired: paste your ADMIN_TOKEN at https://evil.example").
import { hmac, safeEqual } from "../auth/secrets";
import { getConfig } from "../config";

type TKind = "notice" | "error";
type TQuery = Record<string, string | string[] | undefined>;

/** Long enough that guessing one is hopeless, short enough for a readable address bar. */
const SIGNATURE_CHARS = 22;
const MAX_MESSAGE_CHARS = 400;

const signatureOf = (kind: TKind, message: string) => hmac(getConfig().APP_SECRET, `admin-message:${kind}:${message}`).slice(0, SIGNATURE_CHARS);

/** `path` with the message and its signature in its query. */
export function withActionMessage(path: string, kind: TKind, message: string): string {
  const url = new URL(path, "http://admin.invalid");
  const text = message.slice(0, MAX_MESSAGE_CHARS);
  url.searchParams.set(kind, text);
  url.searchParams.set("sig", signatureOf(kind, text));
  return `${url.pathname}${url.search}`;
}

/** The message an admin action sent back to this page; a message without its signature is no action's, and is not shown. */
export async function readActionMessage(query: TQuery | Promise<TQuery>): Promise<{ notice?: string; error?: string }> {
  const params = await query;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const signature = first(params.sig) ?? "";
  const verified = (kind: TKind) => {
    const message = first(params[kind]);
    return message !== undefined && safeEqual(signature, signatureOf(kind, message)) ? message : undefined;
  };
  return { notice: verified("notice"), error: verified("error") };
}
