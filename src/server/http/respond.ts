// The one place route handlers turn results and errors into HTTP responses.
import { ZodError } from "zod";
import { AppError, isAppError } from "../errors/app-error";
import { zodMessage } from "../errors/describe-error";
import type { TApiError } from "./api-schemas";
import { logger } from "../logger";

export function errorResponse(err: unknown): Response {
  const appError = isAppError(err) ? err : err instanceof ZodError ? new AppError("INVALID_INPUT", zodMessage(err)) : null;
  if (appError) {
    const body: TApiError = { error: { code: appError.code, message: appError.userMessage, ...(appError.details ?? {}) } };
    return Response.json(body, { status: appError.status, headers: appError.code === "RATE_LIMITED" ? { "Retry-After": "60" } : undefined });
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
