// More handles on the web server's listening socket, so connections opened at once are accepted at once while pages render: Node's
// libuv (1.45 and later) accepts one connection per listening handle per turn of the event loop, and a turn that renders uncached pages
// takes about 10 ms, so 32 connections opened together waited up to 400 ms for the last one's accept.
import { spawn } from "node:child_process";
import cluster from "node:cluster";
import type http from "node:http";
import net from "node:net";
import { logger } from "../logger";

/** Handles on the one socket in all: a burst of this many new connections is accepted in one turn. */
const ACCEPTING_HANDLES = 32;

/** How long the helper may take to hand the copies back; the server accepts on those it has by then. */
const HELPER_TIMEOUT_MS = 10_000;

/**
 * The helper holds copies of the listening socket (its stdio from fd 4 on, each a dup of the server's descriptor, as a child process's
 * inherited descriptors are) and sends each back as a handle. A handle arrives as a new descriptor: a second handle on the same fd would
 * share the fd's one slot in the event loop. It never listens nor reads, so no connection is accepted there. The channel is held open
 * (a child's is unreferenced when it listens for nothing) until the server, holding every copy, disconnects it.
 */
const HELPER = (copies: number) => `
process.channel.ref();
const net = require("node:net");
for (let fd = 4; fd < 4 + ${copies}; fd += 1) process.send("accepting-handle", new net.Socket({ fd, readable: false, writable: false })._handle);
`;

type TListeningHandle = { fd?: number };

type TAcceptors = {
  /** Settles once the helper is done, every copy listening or a warning logged (the server answers on its own handle meanwhile). */
  ready: Promise<void>;
  /** Stops every added handle listening, and the helper if it still runs; a copy it hands over later is closed on arrival. */
  close: () => Promise<void>;
};

/**
 * Listens on `server`'s socket through `ACCEPTING_HANDLES - 1` more handles as the helper hands them over, each giving what it accepts
 * to `server` as its own connection. It does not wait for them: the server is already answering, and its caller sets up how it stops.
 * A cluster worker's server is left as it is (its primary listens; a copy would be asked of the primary as a new listener), and so is a
 * server whose helper fails, on the copies it got, with a warning.
 */
export function acceptOnMoreHandles(server: http.Server, copies = ACCEPTING_HANDLES - 1): TAcceptors {
  const fd = (server as unknown as { _handle?: TListeningHandle | null })._handle?.fd;
  if (cluster.isWorker || typeof fd !== "number" || fd < 0 || copies < 1) return { ready: Promise.resolve(), close: async () => {} };
  const acceptors: net.Server[] = [];
  let closing = false;
  const helper = spawn(process.execPath, ["-e", HELPER(copies)], {
    // Nothing of this process's environment (NODE_OPTIONS's preloads and profilers) is the helper's business.
    env: { NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "pipe", "ipc", ...Array.from({ length: copies }, () => fd)],
  });
  const timer = setTimeout(() => helper.kill(), HELPER_TIMEOUT_MS);
  helper.on("message", (_message, handle?: unknown) => {
    if (handle === undefined) return;
    if (closing) return void (handle as { close?: () => void }).close?.();
    acceptors.push(listenOn(server, handle));
    if (acceptors.length === copies) helper.disconnect();
  });
  const ready = new Promise<void>((resolve) => {
    let stderr = "";
    helper.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    let settled = false;
    const settle = (problem: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (problem !== null && !closing) {
        logger.warn({ err: problem }, `could not add every accepting handle; accepting on ${acceptors.length + 1} of ${copies + 1}`);
      }
      resolve();
    };
    helper.on("error", (err) => {
      helper.kill();
      settle(String(err));
    });
    // Read to its end first, as "exit" may come before the last of it; "close" never came once the copies had been handed over.
    const stderrRead = new Promise<void>((resolve) => (helper.stderr ? helper.stderr.once("close", resolve) : resolve()));
    helper.on("exit", (code, signal) => {
      void stderrRead.then(() =>
        settle(
          acceptors.length === copies
            ? null
            : `the helper ${signal ? `was stopped by ${signal}` : `exited with code ${code}`} after ${acceptors.length} of ${copies} handles: ${stderr.trim()}`,
        ),
      );
    });
  });
  return {
    ready,
    close: async () => {
      closing = true;
      clearTimeout(timer);
      if (helper.exitCode === null && helper.signalCode === null) helper.kill();
      await Promise.all(acceptors.map((acceptor) => new Promise<void>((resolve) => acceptor.close(() => resolve()))));
    },
  };
}

/** A socket server on a copy of the listening socket, set up as http.createServer sets up its own (node:_http_server). */
function listenOn(server: http.Server, handle: unknown): net.Server {
  return (
    net
      .createServer({ allowHalfOpen: true, noDelay: true }, (socket) => server.emit("connection", socket))
      // A failed accept (out of descriptors) loses that connection only; unheard, the error would stop the process.
      .on("error", (err) => logger.warn({ err: String(err) }, "accepting a connection failed"))
      .listen(handle)
  );
}
