// Server-action posts, checked by the proxy before Next reads them: Next answers a cross-origin call or a body over its limit with a
// bare 500, and it has one body limit for every action, sized for the admin's paste, so public forms are held to the public cap here.
import { getConfig } from "../config";
import { logger } from "../logger";
import { AppError } from "../errors/app-error";
import { MAX_PASTE_BYTES, MAX_PUBLIC_BODY_BYTES } from "./body-limits";
import { buildRoutes, type TBuildRoutes } from "./build-routes";
import { declaresMoreThan } from "./read-body";
import { errorResponse } from "./respond";

/** The bodies a form posts (with JavaScript or without); a page's JavaScript call sends its arguments otherwise. */
const FORM_TYPE = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

/** A POST Next would hand to a server action: a call from the page's JavaScript (Next-Action header) or a form posted without it. */
function isActionPost(request: Request, pathname: string): boolean {
  if (request.method !== "POST" || pathname.startsWith("/api/")) return false;
  if (request.headers.has("next-action")) return true;
  return FORM_TYPE.test(request.headers.get("content-type") ?? "");
}

/**
 * Where this site's own pages are served from: APP_URL's host, the Host a request was sent to, and, only behind a proxy trusted with
 * TRUST_PROXY, the host that proxy says it forwarded for (any client can write X-Forwarded-Host).
 */
type TSiteOrigin = { appHost: string; trustForwardedHost: boolean };

let configuredSite: TSiteOrigin | undefined;
function siteOrigin(): TSiteOrigin {
  if (configuredSite) return configuredSite;
  const config = getConfig();
  return (configuredSite = { appHost: new URL(config.APP_URL).host, trustForwardedHost: config.TRUST_PROXY > 0 });
}

/** Next's own check, held to what the site trusts: the Origin's host must be one the site's pages are served from (TSiteOrigin). */
export function isSameOrigin(headers: Headers, site: TSiteOrigin = siteOrigin()): boolean {
  // A browser that says the request comes from another site is believed, whatever its Origin (or none).
  if (headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = headers.get("origin");
  if (origin === null) return true; // Not a browser, so no ambient cookies to abuse; Next lets it through too.
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch (err) {
    if (err instanceof TypeError) return false; // "null" (a sandboxed frame) or garbage: not our origin.
    throw err;
  }
  const forwarded = site.trustForwardedHost ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return originHost !== "" && (originHost === site.appHost || originHost === headers.get("host") || originHost === forwarded);
}

/** An action post the cheap checks refused, or the multipart form they read (null for any other body) for refuseUnknownAction. */
export type TActionPost = { refused: Response } | { refused: null; form: FormData | null };

/**
 * A 403 for a cross-origin action post, a 411 for one that does not declare its length (browsers always do; Next would answer an
 * undeclared body past its limit with a 500), a 413 for one declaring a body past its cap (the paste size inside the admin console,
 * the public cap everywhere else, the sign-in page included), a 400 for a multipart body that does not parse; null for a request
 * that is not an action post. The proxy asks the admin gate next, then refuseUnknownAction.
 */
export async function checkActionPost(request: Request, opts: { pathname: string; adminArea: boolean; site?: TSiteOrigin }): Promise<TActionPost | null> {
  if (!isActionPost(request, opts.pathname)) return null;
  const refuse = (err: AppError) => ({ refused: errorResponse(err) });
  if (!isSameOrigin(request.headers, opts.site)) return refuse(new AppError("FORBIDDEN", "Forms are accepted only from this site's own pages."));
  if (!request.headers.has("content-length")) return refuse(new AppError("LENGTH_REQUIRED", "Send the form with a Content-Length."));
  const maxBytes = opts.adminArea ? MAX_PASTE_BYTES : MAX_PUBLIC_BODY_BYTES;
  if (declaresMoreThan(request.headers.get("content-length"), maxBytes)) {
    return refuse(new AppError("PAYLOAD_TOO_LARGE", `The form is larger than ${maxBytes.toLocaleString("en")} bytes.`));
  }
  const form = await readMultipart(request);
  if (form === "malformed") return refuse(new AppError("INVALID_INPUT", "The form could not be read: its multipart body is malformed."));
  if (!(await parsesAsActionArguments(request, form))) return refuse(new AppError("INVALID_INPUT", "The action's arguments are not JSON."));
  return { refused: null, form };
}

/** Next's length for a server action's id; one of another length cannot be any build's (Next answers it with 400, others with 409). */
const ACTION_ID_LENGTH = 42;

/**
 * Every action a post to an App Router page names, as Next and React read them: the Next-Action header (a page's JavaScript), else each
 * `$ACTION_ID_<id>` field and the id in each bound action's `$ACTION_<n>:0` field (forms posted without JavaScript; Next checks them all
 * and React runs the last). "none" for a multipart form naming none, "unreadable" for a bound action whose parts are not JSON; null for
 * anything else (an urlencoded form, which Next leaves to the page).
 */
function namedActions(headers: Headers, form: FormData | null): string[] | "none" | "unreadable" | null {
  const header = headers.get("next-action");
  if (header !== null) return [header];
  if (form === null) return null;
  const ids: string[] = [];
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION_ID_")) ids.push(key.slice("$ACTION_ID_".length));
    if (!key.startsWith("$ACTION_REF_")) continue;
    const prefix = `$ACTION_${key.slice("$ACTION_REF_".length)}:`;
    const id = (boundParts(form, prefix)?.get(`${prefix}0`) as { id?: unknown } | null | undefined)?.id;
    if (typeof id !== "string") return "unreadable";
    ids.push(id);
  }
  return ids.length > 0 ? ids : "none";
}

/**
 * The JSON parts of a bound action's fields (prefix `$ACTION_1:`) or of a page's multipart call (no prefix), parsed; null when one is
 * not JSON, which Next answers with a 500 (a forged `$ACTION_1:1=x`). Files and a FormData argument's own fields (`$ACTION_1:2_name`)
 * are not JSON, and are left to Next. Stricter than React, which parses only the parts it is referred to and writes other text for a
 * stream argument: this site's actions take no streams, and its pages never send an unreferenced part.
 */
function boundParts(form: FormData, prefix: string): Map<string, unknown> | null {
  const parts = new Map<string, unknown>();
  for (const [key, value] of form.entries()) {
    // `<prefix><n>`: `$ACTION_1:0` holds the id and a reference to `$ACTION_1:1`, the arguments, and so on.
    if (!key.startsWith(prefix) || !/^\d+$/.test(key.slice(prefix.length)) || typeof value !== "string") continue;
    try {
      parts.set(key, JSON.parse(value));
    } catch (err) {
      if (err instanceof SyntaxError) return null;
      throw err;
    }
  }
  return parts;
}

/**
 * On an App Router page, a post naming an action this build does not have on that page: answered as Next would (409 for an action the
 * page lacks, 400 for no action, one no build could have or bound arguments that are not JSON, with the header its client router reads),
 * but as the JSON error every refusal is, and logged as one line instead of Next's stack trace per request. Null to let Next run it.
 */
export function refuseUnknownAction(request: Request, form: FormData | null, pathname: string, routes: TBuildRoutes | null = buildRoutes()): Response | null {
  if (!routes?.isAppPage(pathname)) return null;
  const named = namedActions(request.headers, form);
  if (named === null) return null;
  const unknown = typeof named === "string" ? named : named.find((id) => !routes.hasAction(id, pathname));
  if (unknown === undefined) return null;
  const looksLikeAnId = unknown.length === ACTION_ID_LENGTH && /^[0-9a-f]+$/.test(unknown);
  logger.info(
    { path: pathname, action: unknown.slice(0, ACTION_ID_LENGTH) },
    "a post named no server action this page of this build takes: a page from an earlier deployment, or forged",
  );
  const response = errorResponse(
    looksLikeAnId
      ? new AppError("CONFLICT", "This form is not one this page takes now (a page from an earlier version of the site?): reload it and send it again.")
      : unknown === "unreadable"
        ? new AppError("INVALID_INPUT", "The form's action arguments could not be read.")
        : new AppError("INVALID_INPUT", "The form names no action this page takes."),
  );
  response.headers.set("x-nextjs-action-not-found", "1");
  return response;
}

/**
 * Whether a page's JavaScript call (Next-Action) carries its arguments as React encodes them: a multipart body whose numbered parts are
 * JSON (arguments holding a FormData or a file), or else JSON text. Next takes a body as multipart only when its type starts with
 * `multipart/form-data` as written, and reads any other (an urlencoded one too) as JSON text, answering one that is not with a 500.
 * Forms posted without JavaScript are checked by refuseUnknownAction.
 */
async function parsesAsActionArguments(request: Request, form: FormData | null): Promise<boolean> {
  if (!request.headers.has("next-action")) return true;
  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) return form !== null && boundParts(form, "") !== null;
  try {
    JSON.parse(await request.clone().text());
    return true;
  } catch (err) {
    if (err instanceof SyntaxError) return false;
    throw err;
  }
}

/** A multipart body's fields, "malformed" for one that does not parse (Next answers it with a 500); null for any other body. */
async function readMultipart(request: Request): Promise<FormData | "malformed" | null> {
  if (!/^multipart\/form-data\b/i.test(request.headers.get("content-type") ?? "")) return null;
  try {
    return await request.clone().formData();
  } catch (err) {
    if (err instanceof TypeError) return "malformed"; // undici's word for a body that is not the multipart it claims to be
    throw err;
  }
}
