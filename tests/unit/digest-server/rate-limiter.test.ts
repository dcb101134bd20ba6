// The token bucket lets a one-second burst through, then one message per 1/rate seconds; and the retry backoff grows.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createRateLimiter } from "@/server/digest/rate-limiter";
import { MAX_DELIVERY_ATTEMPTS, retryDelayMs } from "@/server/repo/deliveries";

afterEach(() => vi.useRealTimers());

describe("createRateLimiter", () => {
  it("passes `rate` messages at once, then holds the next until a token refills", async () => {
    vi.useFakeTimers();
    let clock = 0;
    const limiter = createRateLimiter(10, () => clock);
    let passed = 0;
    for (let i = 0; i < 10; i++) void limiter.take().then(() => passed++);
    await vi.advanceTimersByTimeAsync(0);
    expect(passed).toBe(10);

    void limiter.take().then(() => passed++);
    await vi.advanceTimersByTimeAsync(50);
    expect(passed).toBe(10);
    clock = 100;
    await vi.advanceTimersByTimeAsync(100);
    expect(passed).toBe(11);
  });
});

describe("retryDelayMs", () => {
  it("backs off from one minute to an hour", () => {
    const delays = Array.from({ length: MAX_DELIVERY_ATTEMPTS }, (_, i) => retryDelayMs(i + 1));
    expect(delays.slice(0, 4)).toEqual([60_000, 300_000, 900_000, 3_600_000]);
    expect(delays.every((d, i) => i === 0 || d >= delays[i - 1]!)).toBe(true);
  });
});
