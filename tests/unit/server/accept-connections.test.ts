// Connections opened together are accepted together while the web server's event loop is busy, and none is accepted after it stops.
import { once } from "node:events";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { acceptOnMoreHandles } from "@/server/http/accept-connections";
import { logger } from "@/server/logger";

/** A script to run as the helper in its place: one that fails, to see the server go on without it. */
const helper = vi.hoisted(() => ({ script: null as string | null }));
vi.mock("node:child_process", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:child_process")>();
  const spawn = (command: string, args: string[], options: import("node:child_process").SpawnOptions) =>
    real.spawn(command, helper.script === null ? args : ["-e", helper.script], options);
  return { ...real, default: { ...real, spawn }, spawn };
});

const CONNECTIONS = 16;
/** A turn of the event loop as long as one that renders uncached pages, or longer: a slow machine only makes each turn longer. */
const TURN_MS = 20;

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  helper.script = null;
  vi.restoreAllMocks();
  for (const stop of stops.splice(0)) await stop();
});

/** Stops as serveApp's close() does: the server and its added handles together, idle connections closed as they become idle. */
async function stopLikeTheApp(server: http.Server, more: { close: () => Promise<void> }): Promise<void> {
  const closed = Promise.all([new Promise((resolve) => server.close(resolve)), more.close()]);
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  server.closeIdleConnections();
  await closed;
  clearInterval(idle);
}

async function listening(withMoreHandles: boolean): Promise<{ server: http.Server; port: number; stop: () => Promise<void> }> {
  const server = http.createServer((_req, res) => res.end("served"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const more = withMoreHandles ? acceptOnMoreHandles(server) : { ready: Promise.resolve(), close: async () => {} };
  await more.ready;
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= stopLikeTheApp(server, more));
  stops.push(async () => {
    server.closeAllConnections();
    await stop();
  });
  return { server, port: (server.address() as AddressInfo).port, stop };
}

/** The body of a GET of `port`'s root, through `agent` (Node's global one when none is given). */
function served(port: number, agent?: http.Agent): Promise<string> {
  return new Promise((resolve, reject) =>
    http
      .get({ port, host: "127.0.0.1", agent }, (res) => {
        let body = "";
        res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve(body));
      })
      .on("error", reject),
  );
}

/** What a new connection to `port` meets: "connected", or the error's code. */
async function connecting(port: number): Promise<string | undefined> {
  const client = net.connect(port, "127.0.0.1");
  stops.push(async () => void client.destroy());
  return Promise.race([once(client, "error").then(([err]) => (err as NodeJS.ErrnoException).code), once(client, "connect").then(() => "connected")]);
}

/** How many busy turns of the event loop it took to accept CONNECTIONS connections opened at once. */
async function turnsToAccept(withMoreHandles: boolean): Promise<number> {
  const { server, port } = await listening(withMoreHandles);
  let turn = 0;
  const acceptedIn: number[] = [];
  server.on("connection", () => acceptedIn.push(turn));
  const clients = Array.from({ length: CONNECTIONS }, () => net.connect(port, "127.0.0.1"));
  stops.push(async () => clients.forEach((client) => client.destroy()));
  await new Promise<void>((resolve) => {
    const busyTurn = () => {
      turn += 1;
      const end = Date.now() + TURN_MS;
      while (Date.now() < end);
      if (acceptedIn.length < CONNECTIONS) setImmediate(busyTurn);
      else resolve();
    };
    setImmediate(busyTurn);
  });
  return acceptedIn.at(-1)! - acceptedIn[0]! + 1;
}

describe("acceptOnMoreHandles", () => {
  it("accepts connections opened at once in a turn or two of a busy event loop, where one handle takes a turn for each", async () => {
    // Node's own behaviour (libuv 1.45 and later), the reason for the module: should it fail, Node accepts in a loop again and the
    // module can go.
    expect(await turnsToAccept(false)).toBeGreaterThanOrEqual(CONNECTIONS - 1);
    expect(await turnsToAccept(true)).toBeLessThanOrEqual(3);
  });

  it("serves what every handle accepts as the server's own requests", async () => {
    const { port } = await listening(true);
    const agent = new http.Agent({ keepAlive: false });
    const bodies = await Promise.all(Array.from({ length: 40 }, () => served(port, agent)));
    expect(new Set(bodies)).toEqual(new Set(["served"]));
  });

  it("accepts nothing once stopped: no handle keeps the port open", async () => {
    const { port, stop } = await listening(true);
    await stop();
    expect(await connecting(port)).toBe("ECONNREFUSED");
  });

  it("stops while the helper is still handing copies over, and closes those that arrive after", async () => {
    // A helper that outlives the stop (it ignores SIGTERM): it says it is up, then hands every copy over once the stop has happened.
    const signals = mkdtempSync(path.join(tmpdir(), "pd-accept-"));
    stops.push(async () => rmSync(signals, { recursive: true, force: true }));
    const [up, go] = [path.join(signals, "up"), path.join(signals, "go")];
    helper.script = `const fs = require("node:fs"); const net = require("node:net");
      process.on("SIGTERM", () => {}); process.channel.ref(); fs.writeFileSync(${JSON.stringify(up)}, "");
      const wait = setInterval(() => {
        if (!fs.existsSync(${JSON.stringify(go)})) return;
        clearInterval(wait);
        for (let fd = 4; fd < 35; fd += 1) process.send("late", new net.Socket({ fd, readable: false, writable: false })._handle);
        setTimeout(() => process.exit(0), 300);
      }, 10);`;
    const server = http.createServer((_req, res) => res.end("served"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const more = acceptOnMoreHandles(server);
    await expect.poll(() => existsSync(up), { timeout: 20_000 }).toBe(true);
    await stopLikeTheApp(server, more);
    writeFileSync(go, "");
    await more.ready;
    expect(await connecting(port)).toBe("ECONNREFUSED");
  });

  it("stops with idle keep-alive connections on the added handles, which the server closes as its own", async () => {
    const { server, port, stop } = await listening(true);
    server.keepAliveTimeout = 60_000;
    let onAddedHandles = 0;
    server.on("connection", (socket: net.Socket & { _server?: unknown }) => {
      if (socket._server !== server) onAddedHandles += 1;
    });
    const agent = new http.Agent({ keepAlive: true });
    stops.push(async () => agent.destroy());
    expect(await Promise.all(Array.from({ length: 8 }, () => served(port, agent)))).toEqual(Array(8).fill("served"));
    expect(onAddedHandles).toBeGreaterThan(0);
    // Held for the keep-alive timeout, a minute, this would outlast the test's 30 s.
    await stop();
    expect(await connecting(port)).toBe("ECONNREFUSED");
  });

  it("serves on its one handle, with a warning, when the helper fails", async () => {
    helper.script = "process.stderr.write('no copies here'); process.exit(3)";
    const warn = vi.spyOn(logger, "warn");
    const { port } = await listening(true);
    expect(warn).toHaveBeenCalledWith(
      { err: expect.stringMatching(/exited with code 3 after 0 of 31 handles: no copies here/) },
      expect.stringContaining("could not add every accepting handle; accepting on 1 of 32"),
    );
    expect(await served(port)).toBe("served");
  });
});
