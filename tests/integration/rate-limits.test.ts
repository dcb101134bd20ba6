// Rate-limit windows in PostgreSQL: the count resets with its window, and housekeeping deletes only expired windows.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { hitRateLimit, purgeExpiredRateLimits } from "../../src/server/repo/rate-limits";
import { resetDb, testDb } from "./helpers/db";

const db = testDb();
const now = new Date("2026-11-27T12:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

beforeEach(() => resetDb(db));
afterAll(() => db.$disconnect());

describe("rate limits", () => {
  it("allows up to the limit in a window, then starts a fresh window once it has passed", async () => {
    const hit = (at: Date) => hitRateLimit({ db, key: "ip:203.0.113.9", limit: 2, windowMs: 60_000, now: at });
    expect((await hit(now)).allowed).toBe(true);
    expect((await hit(later(1_000))).allowed).toBe(true);
    expect(await hit(later(2_000))).toMatchObject({ allowed: false, count: 3 });
    expect(await hit(later(61_000))).toMatchObject({ allowed: true, count: 1 });
  });

  it("housekeeping deletes expired windows and keeps live ones", async () => {
    await hitRateLimit({ db, key: "old", limit: 5, windowMs: 60_000, now });
    await hitRateLimit({ db, key: "live", limit: 5, windowMs: 3_600_000, now });
    expect(await purgeExpiredRateLimits({ db, now: later(120_000) })).toBe(1);
    expect((await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key)).toEqual(["live"]);
  });
});
