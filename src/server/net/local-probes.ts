// Local TCP and HTTP probes for start-up: is a port free, and does a server we just started answer yet.
import net from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

const PORT_TAKEN = new Set(["EADDRINUSE", "EACCES"]);
const NOT_LISTENING_YET = new Set(["ECONNREFUSED", "ECONNRESET", "UND_ERR_SOCKET"]);

/** The port bound (useful with 0), or null when it is taken; any other failure is thrown. */
function tryListen(port: number, host: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", (err: NodeJS.ErrnoException) => (err.code && PORT_TAKEN.has(err.code) ? resolve(null) : reject(err)));
    server.listen(port, host, () => {
      const address = server.address();
      const bound = typeof address === "object" && address ? address.port : null;
      server.close(() => resolve(bound));
    });
  });
}

export async function isPortFree(port: number, host = "0.0.0.0"): Promise<boolean> {
  return (await tryListen(port, host)) !== null;
}

/** Returns `preferred` when it is free on 127.0.0.1, otherwise a port the OS picks. */
export async function findFreePort(preferred: number): Promise<number> {
  return (await tryListen(preferred, "127.0.0.1")) ?? (await tryListen(0, "127.0.0.1")) ?? preferred;
}

function notListeningYet(err: unknown): boolean {
  const cause = err instanceof Error ? (err.cause as NodeJS.ErrnoException | undefined) : undefined;
  return err instanceof TypeError && cause?.code !== undefined && NOT_LISTENING_YET.has(cause.code);
}

/**
 * Polls `url` until it answers with any HTTP status and returns that response. A refused connection means "not
 * listening yet" and is retried; `check` may throw to stop early (the server process died); other failures are thrown.
 */
export async function waitUntilAnswering(url: string, opts: { timeoutMs: number; intervalMs?: number; check?: () => void }): Promise<Response> {
  const deadline = Date.now() + opts.timeoutMs;
  for (;;) {
    opts.check?.();
    try {
      return await fetch(url);
    } catch (err) {
      if (!notListeningYet(err)) throw err;
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${Math.round(opts.timeoutMs / 1000)} s`);
    await sleep(opts.intervalMs ?? 250);
  }
}
