// After `npm start` launches Next: once it answers, regenerate cached pages, so a build reused from an earlier database never shows old papers.
import { setTimeout as sleep } from "node:timers/promises";

export async function refreshPagesWhenReady(opts: { port: number; cronSecret: string; log: (m: string) => void; timeoutMs?: number }): Promise<boolean> {
  const base = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    const up = await fetch(`${base}/api/health`).then((r) => r.status > 0, () => false);
    if (up) {
      const res = await fetch(`${base}/api/revalidate`, { method: "POST", headers: { authorization: `Bearer ${opts.cronSecret}` } }).catch(() => null);
      if (res?.ok) {
        opts.log("Cached pages refreshed from the database");
        return true;
      }
      opts.log(`could not refresh cached pages (${res ? `HTTP ${res.status}` : "no answer"}); they refresh within 5 minutes`);
      return false;
    }
    await sleep(250);
  }
  return false;
}
