// What each of the integration suite's workers has to itself while two files run side by side: its database and its ports.
import { findFreePort } from "../../../src/server/net/local-probes";

/** Vitest's number for the worker running this file, from 1 to maxWorkers: two files running at once never have the same. */
export function workerNumber(): number {
  const id = Number(process.env.VITEST_POOL_ID);
  if (!Number.isInteger(id) || id < 1) throw new Error(`VITEST_POOL_ID is not a worker number: ${process.env.VITEST_POOL_ID}`);
  return id;
}

/**
 * A free port near `base`, a thousand higher per worker: findFreePort only checks that a port is free now, so a file on the other
 * worker choosing the same base (or one a few ports off, as start.test.ts counts up from its own) could find it free too, and the
 * second server to start on it would fail. Per worker, their first choices never meet.
 */
export function testPort(base: number): Promise<number> {
  return findFreePort(base + 1000 * (workerNumber() - 1));
}
