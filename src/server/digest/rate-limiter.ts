// A token bucket that keeps one process's sends under MAIL_RATE messages per second.
export type TRateLimiter = { take: () => Promise<void> };

/** Holds up to `ratePerSecond` tokens (a one-second burst) and refills continuously. */
export function createRateLimiter(ratePerSecond: number, clock: () => number = () => performance.now()): TRateLimiter {
  const capacity = Math.max(1, ratePerSecond);
  let tokens = capacity;
  let last = clock();
  let queue: Promise<void> = Promise.resolve();

  const refill = () => {
    const now = clock();
    tokens = Math.min(capacity, tokens + ((now - last) / 1000) * ratePerSecond);
    last = now;
  };

  const takeOne = async () => {
    refill();
    while (tokens < 1) {
      await new Promise((resolve) => setTimeout(resolve, Math.ceil(((1 - tokens) / ratePerSecond) * 1000)));
      refill();
    }
    tokens -= 1;
  };

  return {
    take() {
      // Chained so waiters are served in order and never race for the same token.
      const next = queue.then(takeOne);
      // The caller sees a failure through `next`; the chain only needs it settled before serving the next waiter.
      queue = Promise.allSettled([next]).then(() => undefined);
      return next;
    },
  };
}
