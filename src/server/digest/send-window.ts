// Bounds how many digests are built and waiting on SMTP at once, so memory stays flat however many rows are claimed.
export type TSendWindow = { run<T>(task: () => Promise<T>): Promise<T> };

/** Runs at most `size` tasks at a time; the others wait their turn in order. */
export function createSendWindow(size: number): TSendWindow {
  const limit = Math.max(1, Math.floor(size) || 1);
  const waiting: (() => void)[] = [];
  let active = 0;

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };

  return {
    async run(task) {
      if (active < limit) active += 1;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
