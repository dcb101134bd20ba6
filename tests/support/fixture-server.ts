// A local HTTP server that serves captured listings (and misbehaves on purpose) for end-to-end fetch and ingestion tests.
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const FIXTURES = path.resolve(import.meta.dirname, "..", "fixtures");
export const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

export type TRoute =
  | { status?: number; headers?: Record<string, string>; body?: string; file?: string; type?: string; delayMs?: number; truncate?: boolean }
  | ((req: http.IncomingMessage, res: http.ServerResponse, hit: number) => void);

export type TFixtureServer = {
  url: string;
  /** Requests seen, in order: path with query, and the request headers. */
  requests: { path: string; headers: http.IncomingHttpHeaders }[];
  hits: (pathname: string) => number;
  close: () => Promise<void>;
};

export async function startFixtureServer(routes: Record<string, TRoute>): Promise<TFixtureServer> {
  const requests: TFixtureServer["requests"] = [];
  const counts = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fixture");
    requests.push({ path: url.pathname + url.search, headers: req.headers });
    const hit = (counts.get(url.pathname) ?? 0) + 1;
    counts.set(url.pathname, hit);
    const route = routes[url.pathname + url.search] ?? routes[url.pathname];
    if (!route) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (typeof route === "function") return route(req, res, hit);
    const body = route.file ? fixture(route.file) : (route.body ?? "");
    const headers = { "content-type": route.type ?? "text/plain; charset=utf-8", ...route.headers };
    const send = () => {
      if (route.truncate) {
        res.writeHead(route.status ?? 200, { ...headers, "content-length": String(Buffer.byteLength(body)) });
        res.write(body.slice(0, Math.floor(body.length / 2)));
        setImmediate(() => res.destroy());
        return;
      }
      res.writeHead(route.status ?? 200, headers).end(body);
    };
    if (route.delayMs) {
      const timer = setTimeout(send, route.delayMs);
      timers.add(timer);
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    hits: (pathname) => counts.get(pathname) ?? 0,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
