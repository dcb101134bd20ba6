// An accept-and-discard SMTP server in its own process, as a real mail server would be, so it does not share the sender's event loop.
import { fork } from "node:child_process";
import { SMTPServer } from "smtp-server";

type TSinkStats = { received: number; bytes: number; cpuMs: number };

export type TSinkProcess = { port: number; stats: () => Promise<TSinkStats>; stop: () => Promise<void> };

type TSinkMessage = { port: number } | ({ stats: true } & TSinkStats);

/** Forks this file with the parent's loader flags (tsx) and waits for the sink's port. */
export function startSinkProcess(): Promise<TSinkProcess> {
  const child = fork(import.meta.filename, ["--serve"], { execArgv: process.execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const replies: { resolve: (message: TSinkMessage) => void; reject: (err: Error) => void }[] = [];
  child.on("message", (message) => replies.shift()?.resolve(message as TSinkMessage));
  child.on("exit", (code) => replies.splice(0).forEach((r) => r.reject(new Error(`SMTP sink exited (${code})`))));
  const next = () => new Promise<TSinkMessage>((resolve, reject) => replies.push({ resolve, reject }));
  return next().then((first) => ({
    port: "port" in first ? first.port : 0,
    stats: async () => {
      const reply = next();
      child.send("stats");
      const message = await reply;
      return "stats" in message ? { received: message.received, bytes: message.bytes, cpuMs: message.cpuMs } : { received: 0, bytes: 0, cpuMs: 0 };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill();
      }),
  }));
}

function serve(): void {
  let received = 0;
  let bytes = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", (chunk: Buffer) => (bytes += chunk.length));
      stream.on("end", () => {
        received += 1;
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1", () => {
    const address = server.server.address();
    process.send!({ port: typeof address === "object" && address ? address.port : 0 });
  });
  process.on("message", () => {
    const cpu = process.cpuUsage();
    process.send!({ stats: true, received, bytes, cpuMs: (cpu.user + cpu.system) / 1000 });
  });
  process.on("disconnect", () => server.close(() => process.exit(0)));
}

if (process.argv.includes("--serve")) serve();
