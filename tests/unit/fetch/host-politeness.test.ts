// Politeness: one request at a time per host group, and arXiv's hosts share one group with a minimum gap.
import { describe, expect, it } from "vitest";
import { ARXIV_MIN_GAP_MS, createPoliteness } from "../../../src/server/fetch/host-politeness";
import { retryAfterMs } from "../../../src/server/fetch/fetch-url";

describe("host politeness", () => {
  it("runs arXiv requests one at a time, sleeping out the gap between them", async () => {
    const sleeps: number[] = [];
    const politeness = createPoliteness({ arxivGapMs: 3_000, sleep: async (ms) => void sleeps.push(ms) });
    let active = 0;
    let maxActive = 0;
    const request = () =>
      new Promise<void>((resolve) => {
        active++;
        maxActive = Math.max(maxActive, active);
        setTimeout(() => {
          active--;
          resolve();
        }, 5);
      });
    await Promise.all([politeness.run("arxiv.org", request), politeness.run("export.arxiv.org", request), politeness.run("rss.arxiv.org", request)]);
    expect(maxActive).toBe(1);
    expect(sleeps).toHaveLength(2);
    for (const ms of sleeps) expect(ms).toBeGreaterThan(2_000);
  });

  it("lets the thumbnail CDN take four requests at once, one at a time per lane, and other hosts one", async () => {
    const politeness = createPoliteness();
    const peak = async (host: string, count: number) => {
      let active = 0;
      let most = 0;
      const request = () =>
        new Promise<void>((resolve) => {
          most = Math.max(most, ++active);
          setTimeout(() => {
            active--;
            resolve();
          }, 5);
        });
      await Promise.all(Array.from({ length: count }, () => politeness.run(host, request)));
      return most;
    };
    expect(await peak("cdn-thumbnails.huggingface.co", 10)).toBe(4);
    expect(await peak("huggingface.co", 10)).toBe(1);
  });

  it("defaults to arXiv's 3 s gap", () => {
    expect(ARXIV_MIN_GAP_MS).toBe(3_000);
  });

  it("does not hold other hosts behind arXiv, and a failure does not block the queue", async () => {
    const politeness = createPoliteness({ arxivGapMs: 0 });
    await expect(politeness.run("arxiv.org", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(politeness.run("arxiv.org", async () => "next")).resolves.toBe("next");
    await expect(politeness.run("huggingface.co", async () => "hf")).resolves.toBe("hf");
  });
});

describe("retryAfterMs", () => {
  const now = Date.parse("2026-05-08T12:00:00Z");
  it("reads seconds and HTTP dates", () => {
    expect(retryAfterMs("120", now)).toBe(120_000);
    expect(retryAfterMs("Fri, 08 May 2026 12:00:30 GMT", now)).toBe(30_000);
    expect(retryAfterMs("Fri, 08 May 2026 11:00:00 GMT", now)).toBe(0);
  });
  it("ignores absent or unreadable values", () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs("soon", now)).toBeUndefined();
  });
});
