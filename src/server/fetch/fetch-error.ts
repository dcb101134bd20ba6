// The fetch layer's one failure type: every refused, slow, oversized or unsuccessful fetch ends here with a readable reason.
export type TFetchErrorKind = "forbidden" | "timeout" | "too-large" | "http" | "network" | "redirects";

export class FetchError extends Error {
  readonly kind: TFetchErrorKind;
  readonly status?: number;
  readonly url: string;

  constructor(kind: TFetchErrorKind, url: string, message: string, opts: { status?: number; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = "FetchError";
    this.kind = kind;
    this.url = url;
    this.status = opts.status;
  }
}
