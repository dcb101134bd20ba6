// After `npm start` launches Next: once it answers, regenerate cached pages, so a build reused from an earlier database never shows old papers.
import { describeError } from "../../src/server/errors/describe-error";
import { postCronEndpoint } from "../../src/server/http/post-cron-endpoint";
import { logger } from "../../src/server/logger";
import { waitUntilAnswering } from "../../src/server/net/local-probes";

export async function refreshPagesWhenReady(opts: { port: number; cronSecret: string; log: (m: string) => void; timeoutMs?: number }): Promise<boolean> {
  const base = `http://127.0.0.1:${opts.port}`;
  try {
    await waitUntilAnswering(`${base}/api/health`, { timeoutMs: opts.timeoutMs ?? 120_000 });
    await postCronEndpoint(`${base}/api/revalidate`, opts.cronSecret, 60_000);
    opts.log("Cached pages refreshed from the database");
    return true;
  } catch (err) {
    logger.warn({ err: describeError(err) }, "could not refresh cached pages; they refresh within 5 minutes");
    return false;
  }
}
