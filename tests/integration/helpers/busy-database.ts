// A database too busy to answer, on demand: statement_timeout in the URL the app connects with, and an ACCESS EXCLUSIVE lock the test
// holds on the tables a request needs, so the app's statements wait and end at the timeout as under load, on a real server; and fake
// servers for the outages a real one cannot be made to show on demand (a silent host, a server starting up, a reset connection).
import net from "node:net";
import pg from "pg";

/** `url` whose sessions end any statement after `ms` (its wait for a lock included), as PostgreSQL's statement_timeout does. */
export function withStatementTimeout(url: string, ms: number): string {
  const busy = new URL(url);
  busy.searchParams.set("options", `-c statement_timeout=${ms}`);
  return busy.toString();
}

/** Runs `fn` while `tables` are locked against every other session (reads wait too), then lets them go. */
export async function whileLocked<T>(url: string, tables: string[], fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`LOCK TABLE ${tables.map((t) => `"${t}"`).join(", ")} IN ACCESS EXCLUSIVE MODE`);
    return await fn();
  } finally {
    await client.query("ROLLBACK");
    await client.end();
  }
}

/** A server at `url`'s place that speaks just enough of PostgreSQL's protocol for a failure: `answer` is what each connection gets. */
async function fakeServer(url: string, answer: (socket: net.Socket) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    // The client hanging up on a fake is the point; anything else is the fake's own failure, which fails the test.
    socket.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code !== "ECONNRESET" && err.code !== "EPIPE") throw err;
    });
    answer(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const fake = new URL(url);
  fake.hostname = "127.0.0.1";
  fake.port = String((server.address() as net.AddressInfo).port);
  fake.searchParams.set("sslmode", "disable");
  return {
    url: fake.toString(),
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** A host that takes the connection and never says a word, as one whose database hangs or whose network drops the replies. */
export function silentServer(url: string) {
  return fakeServer(url, () => {});
}

/** A server still starting up (or recovering): it answers the startup message with PostgreSQL's FATAL 57P03 and hangs up. */
export function startingServer(url: string) {
  const fields = ["SFATAL", "VFATAL", "C57P03", "Mthe database system is starting up"].map((f) => `${f}\0`).join("") + "\0";
  const length = Buffer.alloc(4);
  length.writeInt32BE(Buffer.byteLength(fields) + 4);
  const errorResponse = Buffer.concat([Buffer.from("E"), length, Buffer.from(fields)]);
  return fakeServer(url, (socket) => socket.once("data", () => socket.end(errorResponse)));
}

/** A server whose connection is reset as soon as the client speaks, as a failover or a dropped link does to it. */
export function resettingServer(url: string) {
  return fakeServer(url, (socket) => socket.once("data", () => socket.resetAndDestroy()));
}
