// The one place route handlers turn results and errors into HTTP responses.
import { ZodError } from "zod";
import { AppError, ERROR_STATUS, retryAfterHeader } from "../errors/app-error";
import { zodMessage } from "../errors/describe-error";
import { knownError } from "../errors/known-error";
import type { TApiError } from "./api-schemas";
import { logger } from "../logger";
import { renderLinkPage } from "../subscriptions/link-page";
import { entityTagOf } from "./entity-tag";

/**
 * A public read as JSON (the papers API): any cache may keep it but must ask again each time, so a paper hidden or fixed leaves every
 * copy at once (it was `max-age=60`), and its ETag makes asking a 304 while nothing changed (the app's server answers it).
 */
export function publicJson(body: unknown): Response {
  const json = JSON.stringify(body);
  return new Response(json, { headers: { "content-type": "application/json", "cache-control": "public, no-cache", etag: entityTagOf(json) } });
}

export function errorResponse(err: unknown): Response {
  const appError = err instanceof ZodError ? new AppError("INVALID_INPUT", zodMessage(err)) : knownError(err);
  if (appError) {
    const body: TApiError = { error: { code: appError.code, message: appError.userMessage, ...(appError.details ?? {}) } };
    return Response.json(body, { status: appError.status, headers: retryAfterHeader(appError) });
  }
  logger.error({ err }, "unhandled error in route handler");
  const body: TApiError = { error: { code: "INTERNAL", message: "Something went wrong on our side." } };
  return Response.json(body, { status: 500 });
}

/** Wraps a route handler so every error goes through errorResponse. */
export function handleRoute<A extends unknown[]>(fn: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await fn(...args);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

/**
 * handleRoute for an address people reach from a page (the date picker's GET form): an error is answered to a browser, which asks for
 * HTML, as a small page saying what was wrong, with the same status and headers; any other client still reads the JSON error.
 */
export function handleNavigation(fn: (request: Request) => Promise<Response>) {
  const handled = handleRoute(fn);
  return async (request: Request): Promise<Response> => forReader(request.headers.get("accept"), await handled(request));
}

/**
 * An error answer as its reader can read it: a small page saying what was wrong, with the same status and headers, for a browser
 * (which asks for HTML) at an address people reach from a page; the JSON error for any other client. Other answers pass unchanged.
 */
export async function forReader(accept: string | null | undefined, response: Response): Promise<Response> {
  if (response.status < 400 || !(response.headers.get("content-type") ?? "").startsWith("application/json")) return response;
  response.headers.append("vary", "accept");
  if (!(accept ?? "").includes("text/html")) return response;
  const { error } = (await response.json()) as TApiError;
  const page = renderLinkPage({
    // A 503 is the server's state and any other 5xx its fault, not the address's: the reader is to try the same one again.
    title: response.status === ERROR_STATUS.UNAVAILABLE ? "Busy just now" : response.status >= 500 ? "Something went wrong" : "That address did not work",
    message: error.message,
    status: response.status,
    links: response.status < 500 ? [{ href: "/papers/go", text: "The latest day" }] : [],
  });
  for (const [name, value] of response.headers) if (name !== "content-type" && name !== "content-length") page.headers.set(name, value);
  return page;
}

/**
 * What a mailed link's page (/api/unsubscribe, /feedback/<token>) answers for an error: a link that does not work says why (its error's
 * status and message, or `incomplete` with 400 for a token or parameter that does not parse); anything else is errorResponse's answer
 * as its reader reads it (forReader), so a database too busy to answer is a page saying so, with 503 and Retry-After, to a browser,
 * where its JSON error was sent to the reader's browser.
 */
export async function linkProblem(request: Request, err: unknown, incomplete: string): Promise<Response> {
  const title = "This link does not work";
  if (err instanceof ZodError) return renderLinkPage({ title, message: incomplete, status: ERROR_STATUS.INVALID_INPUT });
  const known = knownError(err);
  if (known && known.code !== "UNAVAILABLE") return renderLinkPage({ title, message: known.userMessage, status: known.status });
  // The busy error as already read, so errorResponse does not read it again.
  return forReader(request.headers.get("accept"), errorResponse(known ?? err));
}

type TRouteMethod = "GET" | "POST";

/**
 * What an API route answers to the methods it does not take, spread into its exports beside its handlers: 405 with the error body every
 * refusal has and the `Allow` header HTTP requires of a 405 (Next's own 405 has neither), and OPTIONS listing the same methods (Next's
 * would list these refusals as methods the route takes).
 */
export function otherMethods(...taken: TRouteMethod[]) {
  const allow = [...taken, ...(taken.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const refuse = async (request: Request): Promise<Response> => {
    const response = errorResponse(new AppError("METHOD_NOT_ALLOWED", `This address answers ${allow}, not ${request.method}.`));
    response.headers.set("Allow", allow);
    return response;
  };
  const options = async (): Promise<Response> => new Response(null, { status: 204, headers: { Allow: allow } });
  return { GET: refuse, POST: refuse, PUT: refuse, PATCH: refuse, DELETE: refuse, OPTIONS: options };
}
