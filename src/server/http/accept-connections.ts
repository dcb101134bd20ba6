// More handles on the web server's listening socket, so connections opened at once are accepted at once while pages render: Node's
// libuv (1.45 and later) accepts one connection per listening handle per turn of the event loop, and a turn that renders uncached pages
// takes about 10 ms, so 32 connections opened together waited up to 400 ms for the last one's accept.
import { spawn } from "node:child_process";
import type http from "node:http";
import net from "node:net";
import { logger } from "../logger";

/** Handles on the one socket in all: a burst of this many new connections is accepted in one turn. */
const ACCEPTING_HANDLES = 32;

/** How long the helper may take to hand the copies back before the server goes on with its one handle. */
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

/**
 * Listens on `server`'s socket through `ACCEPTING_HANDLES - 1` more handles, each handing what it accepts to `server` as its own
 * connection. Resolves with what stops them. A server with no descriptor of its own (a cluster worker's, whose primary accepts) is left
 * accepting as Node does; so is one whose helper fails, with a warning.
 */
export async function acceptOnMoreHandles(server: http.Server, copies = ACCEPTING_HANDLES - 1): Promise<{ close: () => Promise<void> }> {
  const fd = (server as unknown as { _handle?: TListeningHandle | null })._handle?.fd;
  if (typeof fd !== "number" || fd < 0 || copies < 1) return { close: async () => {} };
  const handles = await listeningCopies(fd, copies).catch((err: unknown) => {
    logger.warn({ err: String(err) }, "could not add accepting handles; new connections are accepted one per turn of the event loop");
    return [];
  });
  // The options http.createServer gives its own socket server (node:_http_server), so an accepted connection is set up alike.
  const acceptors = handles.map((handle) =>
    net
      .createServer({ allowHalfOpen: true, noDelay: true }, (socket) => server.emit("connection", socket))
      // A failed accept (out of descriptors) loses that connection only; unheard, the error would stop the process.
      .on("error", (err) => logger.warn({ err: String(err) }, "accepting a connection failed"))
      .listen(handle),
  );
  return {
    close: () => Promise.all(acceptors.map((acceptor) => new Promise<void>((resolve) => acceptor.close(() => resolve())))).then(() => {}),
  };
}

/** `copies` new handles on the listening socket `fd`, from a helper process that inherits it. */
function listeningCopies(fd: number, copies: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const helper = spawn(process.execPath, ["-e", HELPER(copies)], {
      // Nothing of this process's environment (NODE_OPTIONS's preloads and profilers) is the helper's business.
      env: { NODE_ENV: "production" },
      stdio: ["ignore", "ignore", "pipe", "ipc", ...Array.from({ length: copies }, () => fd)],
    });
    const handles: unknown[] = [];
    let stderr = "";
    helper.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => helper.kill(), HELPER_TIMEOUT_MS);
    const fail = (err: Error) => {
      clearTimeout(timer);
      for (const handle of handles) (handle as { close?: () => void }).close?.();
      reject(err);
    };
    helper.on("message", (_message, handle) => {
      if (handle) handles.push(handle);
      if (handles.length === copies) helper.disconnect();
    });
    helper.on("error", fail);
    helper.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (handles.length === copies) return resolve(handles);
      fail(
        new Error(
          `the helper ${signal ? `was stopped by ${signal}` : `exited with code ${code}`} after ${handles.length} of ${copies} handles: ${stderr.trim()}`,
        ),
      );
    });
  });
}
