// After `npm start` launches Next: once it answers, regenerate cached pages, so a build reused from an earlier database never shows old papers.
import { setTimeout as sleep } from "node:timers/promises";
import { describeError } from "../../src/server/errors/describe-error";
import { postCronEndpoint } from "../../src/server/http/post-cron-endpoint";

export async function refreshPagesWhenReady(opts: { port: number; cronSecret: string; log: (m: string) => void; timeoutMs?: number }): Promise<boolean> {
  const base = `http://127.0.0.1:${opts.port}`;
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.status > 0,
      () => false,
    );
    if (up) {
      try {
        await postCronEndpoint(`${base}/api/revalidate`, opts.cronSecret, 60_000);
        opts.log("Cached pages refreshed from the database");
        return true;
      } catch (err) {
        opts.log(`could not refresh cached pages (${describeError(err)}); they refresh within 5 minutes`);
        return false;
      }
    }
    await sleep(250);
  }
  return false;
}
