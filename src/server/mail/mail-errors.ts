// Typed mail transport failures: temporary ones are retried, permanent ones count towards bouncing.
export class MailError extends Error {
  constructor(
    readonly kind: "temporary" | "permanent",
    message: string,
    readonly responseCode?: number,
    opts?: { cause?: unknown },
  ) {
    super(message, opts);
    this.name = "MailError";
  }
}

const TEMPORARY_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ECONNREFUSED", "ECONNRESET", "ESOCKET", "EDNS", "ETLS", "EPROTOCOL"]);

/** Classifies a nodemailer error: 5xx responses are permanent, 4xx and connection problems temporary. */
export function classifyMailError(err: unknown): MailError {
  if (err instanceof MailError) return err;
  const e = err as { responseCode?: number; code?: string; message?: string };
  const message = e?.message ?? String(err);
  if (typeof e?.responseCode === "number") {
    return new MailError(e.responseCode >= 500 ? "permanent" : "temporary", message, e.responseCode, { cause: err });
  }
  if (e?.code === "EENVELOPE") return new MailError("permanent", message, undefined, { cause: err });
  const kind = e?.code && !TEMPORARY_CODES.has(e.code) && e.code === "EMESSAGE" ? "permanent" : "temporary";
  return new MailError(kind, message, undefined, { cause: err });
}
