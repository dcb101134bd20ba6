// The one way a route handler reads a request body: refused by its declared Content-Length before anything is read, and counted
// while streaming, so a body past the cap is never held in memory whole (a 200 MB subscribe body once grew the server by 700 MB).
import { AppError } from "../errors/app-error";

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes.toLocaleString("en")} bytes.`);
}

/** True when a request's Content-Length (null or undefined: none) declares a body over maxBytes, or is no number. */
export function declaresMoreThan(contentLength: string | null | undefined, maxBytes: number): boolean {
  return contentLength != null && !(Number(contentLength) <= maxBytes);
}

/** Node's words for a client that hung up before its body was complete (`aborted`, ECONNRESET): the client's doing, not a fault here. */
function isClientAbort(err: unknown): boolean {
  return err instanceof Error && (err.message === "aborted" || (err as NodeJS.ErrnoException).code === "ECONNRESET");
}

async function readChunk(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<ReadableStreamReadResult<Uint8Array>> {
  try {
    return await reader.read();
  } catch (err) {
    if (!isClientAbort(err)) throw err;
    // Answered as the client's error (a 400 nobody reads), not logged as an unhandled error of ours.
    throw new AppError("INVALID_INPUT", "The request body ended before it was complete.", { cause: err });
  }
}

/**
 * UNSUPPORTED_MEDIA_TYPE (415) for a body this server would misread: compressed (Content-Encoding), which was parsed as if it were
 * not, or declared in a charset other than UTF-8 (or its subset US-ASCII), whose text was decoded as UTF-8 all the same. For readers
 * of a body's content only: one read only to be capped and dropped (a one-click unsubscribe's) is taken however a mail client labels it.
 */
export function refuseUnreadable(headers: Headers): void {
  const encoding = (headers.get("content-encoding") ?? "").trim().toLowerCase();
  if (encoding !== "" && encoding !== "identity") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the request body uncompressed: this server does not take Content-Encoding: ${encoding.slice(0, 40)}.`);
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(headers.get("content-type") ?? "")?.[1]?.toLowerCase();
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8" && charset !== "us-ascii") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the request body as UTF-8: this server does not read charset=${charset.slice(0, 40)}.`);
  }
}

/** The body as UTF-8 text, or PAYLOAD_TOO_LARGE (413) as soon as it declares or reaches more than maxBytes. */
export async function readBody(request: Request, maxBytes: number): Promise<string> {
  if (declaresMoreThan(request.headers.get("content-length"), maxBytes)) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await readChunk(reader);
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size).toString("utf8");
}

/**
 * True for a body declared as JSON (`application/json`, with parameters or none; not `application/json-seq` or the like). Requiring it
 * forces a CORS preflight on cross-site requests, which keeps routes CSRF-safe.
 */
function declaresJson(headers: Headers): boolean {
  return /^application\/json\s*(?:;|$)/i.test(headers.get("content-type") ?? "");
}

/**
 * The body parsed as JSON, for every route that takes one: UNSUPPORTED_MEDIA_TYPE (415) unless it is declared as JSON (a text/plain body
 * was read as JSON all the same, or told it was not JSON) or when it is unreadable as sent; INVALID_INPUT with `hint` (an example of a
 * good body) when it is not JSON.
 */
export async function readJsonBody(request: Request, maxBytes: number, hint: string): Promise<unknown> {
  if (!declaresJson(request.headers)) throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Send the request body as application/json, ${hint}.`);
  refuseUnreadable(request.headers);
  const text = await readBody(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new AppError("INVALID_INPUT", `The request body must be JSON, ${hint}.`, { cause: err });
  }
}
