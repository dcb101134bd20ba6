// The slices of the compression and negotiator packages' APIs the app server uses, over node:http (their @types packages describe
// compression as Express middleware and negotiator's older signature, and pull in Express's types).
declare module "compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";
  import type { BrotliOptions, ZlibOptions } from "node:zlib";
  type TMiddleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;
  function compression(
    options?: ZlibOptions & { threshold?: number | string; brotli?: BrotliOptions; filter?: (req: IncomingMessage, res: ServerResponse) => boolean },
  ): TMiddleware;
  namespace compression {
    /** The default filter: whether the response's Content-Type is compressible. */
    function filter(req: IncomingMessage, res: ServerResponse): boolean;
  }
  export default compression;
}

declare module "negotiator" {
  import type { IncomingMessage } from "node:http";
  export default class Negotiator {
    constructor(request: IncomingMessage);
    /** The best of `available` the request accepts; among equally acceptable ones, the first of `preferred`. */
    encoding(available: string[], preferred?: string[]): string | undefined;
  }
}
