// Connections opened together are accepted together while the web server's event loop is busy, and none is accepted after it stops.
import { once } from "node:events";
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

async function listening(withMoreHandles: boolean): Promise<{ server: http.Server; port: number; stop: () => Promise<void> }> {
  const server = http.createServer((_req, res) => res.end("served"));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const more = withMoreHandles ? await acceptOnMoreHandles(server) : { close: async () => {} };
  const stop = async () => {
    server.closeAllConnections();
    await Promise.all([new Promise((resolve) => server.close(resolve)), more.close()]);
  };
  stops.push(stop);
  return { server, port: (server.address() as AddressInfo).port, stop };
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
    expect(await turnsToAccept(false)).toBeGreaterThanOrEqual(CONNECTIONS - 1);
    expect(await turnsToAccept(true)).toBeLessThanOrEqual(3);
  });

  it("serves what every handle accepts as the server's own requests", async () => {
    const { port } = await listening(true);
    const agent = new http.Agent({ keepAlive: false });
    const bodies = await Promise.all(
      Array.from(
        { length: 40 },
        () =>
          new Promise<string>((resolve, reject) =>
            http
              .get({ port, host: "127.0.0.1", agent }, (res) => {
                let body = "";
                res.on("data", (chunk: Buffer) => (body += chunk.toString()));
                res.on("end", () => resolve(body));
              })
              .on("error", reject),
          ),
      ),
    );
    expect(new Set(bodies)).toEqual(new Set(["served"]));
  });

  it("accepts nothing once stopped: no handle keeps the port open", async () => {
    const { port, stop } = await listening(true);
    await stop();
    const client = net.connect(port, "127.0.0.1");
    stops.push(async () => void client.destroy());
    const outcome = await Promise.race([
      once(client, "error").then(([err]) => (err as NodeJS.ErrnoException).code),
      once(client, "connect").then(() => "connected"),
    ]);
    expect(outcome).toBe("ECONNREFUSED");
  });

  it("serves on its one handle, with a warning, when the helper fails", async () => {
    helper.script = "process.stderr.write('no copies here'); process.exit(3)";
    const warn = vi.spyOn(logger, "warn");
    const { port } = await listening(true);
    expect(warn).toHaveBeenCalledWith(
      { err: expect.stringMatching(/exited with code 3 after 0 of 31 handles: no copies here/) },
      expect.stringContaining("could not add accepting handles"),
    );
    const body = await new Promise<string>((resolve, reject) =>
      http.get({ port, host: "127.0.0.1" }, (res) => res.setEncoding("utf8").on("data", resolve)).on("error", reject),
    );
    expect(body).toBe("served");
  });
});
