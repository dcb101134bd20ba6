// Feed changes announced between processes over PostgreSQL: whoever writes papers notifies; every web process listens and drops its page cache.
import pg from "pg";
import type { Db } from "../db";

const CHANNEL = "paper_digest_feed";

/**
 * Tells every web process, on every machine sharing the database, that what the feed shows has changed. `reason` ("ingest run 12",
 * "paper 7 hidden") travels as the payload, for listeners' logs.
 */
export async function announceFeedChange(opts: { db: Db; reason: string }): Promise<void> {
  await opts.db.$executeRaw`SELECT pg_notify(${CHANNEL}, ${opts.reason})`;
}

/** `ready` resolves once the first connection listens: announcements from then on are heard. */
export type TFeedChangeListener = { ready: Promise<void>; stop: () => Promise<void> };

/**
 * Calls `onChange` for every announcement. A lost connection is reconnected with a growing delay, and reported
 * through `onLost`: announcements made meanwhile were missed, so the caller must treat it as a change too.
 */
export function listenForFeedChanges(opts: {
  connectionString: string;
  onChange: (reason: string) => void;
  onLost: (err: unknown) => void;
}): TFeedChangeListener {
  let client: pg.Client | null = null;
  let stopped = false;
  let delayMs = 500;
  let timer: NodeJS.Timeout | undefined;
  let listening: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (listening = resolve));

  function connect() {
    const current = new pg.Client({ connectionString: opts.connectionString });
    client = current;
    /** The first failure of the current connection starts a new one; a retired connection's events only go to the log. */
    const lost = (err: unknown) => {
      if (client !== current) return;
      client = null;
      opts.onLost(err);
      current.end().catch((endErr: unknown) => opts.onLost(endErr));
      if (stopped) return;
      timer = setTimeout(connect, delayMs);
      delayMs = Math.min(delayMs * 2, 30_000);
    };
    current.on("notification", (msg) => {
      if (msg.channel === CHANNEL) opts.onChange(msg.payload ?? "");
    });
    current.on("error", lost);
    current.on("end", () => lost(new Error("the feed-change listener's connection closed")));
    current
      .connect()
      .then(() => current.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        delayMs = 500;
        listening();
      }, lost);
  }

  connect();
  return {
    ready,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      const current = client;
      client = null;
      await current?.end();
    },
  };
}
