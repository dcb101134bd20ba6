// Starts requests a slice at a time, so a busy process still turns its event loop every few milliseconds. Node accepts one new
// connection per turn of the loop: when each turn ran every request that had arrived (about 40 ms with 32 busy keep-alive
// connections), a new connection waited one such turn for each connection queued before it, and 32 clients connecting at once saw a
// p99 of 420-570 ms on a cached `/` whose p50 was 40-55 ms.

type THandler<Req, Res> = (req: Req, res: Res) => Promise<void>;

/** Work started in one turn before the rest waits for the next (the turn's other work, reading sockets and results, comes on top). */
const SLICE_MS = 2;

/**
 * `handle`, with each call started in a slice of work: every call is queued, and each turn of the loop starts them one after another,
 * in the order they arrived, until the turn has spent `sliceMs` on them; the rest wait for the next turn. A call that waits on I/O (the
 * database, say) holds up nothing: the next starts once its first steps are done. None is refused or dropped.
 *
 * Each call gets one immediate, its slot. Node runs the immediates queued before a turn's check phase in that phase, settling promises
 * between them, so a slot sees the time every earlier start of the turn took, a page served from cache included; a slot that finds the
 * slice spent queues itself again, which puts it in the next turn, after that turn's reset of the slice.
 */
export function withFairAdmission<Req, Res>(handle: THandler<Req, Res>, sliceMs: number = SLICE_MS): THandler<Req, Res> {
  const waiting: (() => void)[] = [];
  /** When this turn's slice began, or -1 before the turn's first slot. */
  let sliceStart = -1;
  const endSlice = () => {
    sliceStart = -1;
  };

  const slot = () => {
    const now = performance.now();
    if (sliceStart < 0) {
      sliceStart = now;
      setImmediate(endSlice);
    } else if (now - sliceStart >= sliceMs) {
      setImmediate(slot);
      return;
    }
    waiting.shift()?.();
  };

  return (req, res) =>
    new Promise<void>((resolve, reject) => {
      waiting.push(() => {
        try {
          handle(req, res).then(resolve, reject);
        } catch (err) {
          reject(err);
        }
      });
      setImmediate(slot);
    });
}
