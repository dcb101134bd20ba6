// The job queue's own reports: a lost connection while it runs is a warning; the database ending a connection its stop already gave up
// (npm start's Ctrl-C stops the database right after the queue) is not (CI on 633015e logged it as "job queue error").
import { afterEach, expect, it, vi } from "vitest";
import { startQueue } from "../../src/server/jobs/queue";
import { logger } from "../../src/server/logger";
import { testDatabaseUrl } from "./helpers/db";

logger.level = "silent";
const warn = vi.spyOn(logger, "warn");
const debug = vi.spyOn(logger, "debug");
afterEach(() => vi.clearAllMocks());

const ended = () => Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });

it("a connection the database ends is a warning while the queue runs, and expected once the queue has stopped", async () => {
  const boss = await startQueue({ connectionString: testDatabaseUrl(), max: 1 });
  boss.emit("error", ended());
  expect(warn).toHaveBeenCalledWith(expect.objectContaining({ err: expect.objectContaining({ code: "57P01" }) }), "job queue error");

  warn.mockClear();
  await boss.stop({ graceful: false, wait: true });
  boss.emit("error", ended());
  expect(warn).not.toHaveBeenCalled();
  expect(debug).toHaveBeenCalledWith(expect.objectContaining({ err: expect.objectContaining({ code: "57P01" }) }), "job queue connection ended after its stop");

  // Anything else after the stop is still reported.
  boss.emit("error", Object.assign(new Error("connection refused"), { code: "ECONNREFUSED" }));
  expect(warn).toHaveBeenCalledWith(expect.objectContaining({ err: expect.objectContaining({ code: "ECONNREFUSED" }) }), "job queue error");
});
