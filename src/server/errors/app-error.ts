// The one error type the app throws on purpose, and the single mapping from its codes to HTTP statuses.
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  GONE: 410,
  LENGTH_REQUIRED: 411,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  NOT_IMPLEMENTED: 501,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: TErrorCode;
  readonly userMessage: string;
  readonly details?: Record<string, unknown>;
  /** For RATE_LIMITED, the seconds until the limit's window ends; for UNAVAILABLE, when to ask again: the answer's Retry-After. */
  readonly retryAfterSeconds?: number;

  constructor(
    code: TErrorCode,
    message: string,
    opts: { userMessage?: string; cause?: unknown; details?: Record<string, unknown>; retryAfterSeconds?: number } = {},
  ) {
    super(message, { cause: opts.cause });
    this.name = "AppError";
    this.code = code;
    this.userMessage = opts.userMessage ?? message;
    this.details = opts.details;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/**
 * The Retry-After header of an answer to `err`, if it has one: a rate limit's own wait (a minute when it did not say), or an
 * unavailable service's when it names one.
 */
export function retryAfterHeader(err: AppError): Record<string, string> | undefined {
  if (err.code === "RATE_LIMITED") return { "Retry-After": String(err.retryAfterSeconds ?? 60) };
  return err.code === "UNAVAILABLE" && err.retryAfterSeconds !== undefined ? { "Retry-After": String(err.retryAfterSeconds) } : undefined;
}

/** Whole seconds from `now` until `resetAt`, at least one: a rate limit's Retry-After. */
function secondsUntil(resetAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
}

/** The refusal of a request past a rate limit whose window ends at `resetAt`: 429, with Retry-After the seconds left of the window. */
export function rateLimitedError(opts: { message: string; userMessage: string; resetAt: Date; now: Date }): AppError {
  return new AppError("RATE_LIMITED", opts.message, { userMessage: opts.userMessage, retryAfterSeconds: secondsUntil(opts.resetAt, opts.now) });
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
