// Gives a CLI a database URL: DATABASE_URL, the embedded database `npm start` is running, or a temporary embedded one.
import path from "node:path";
import { findRunningEmbedded, startEmbeddedPostgres } from "../../src/server/db/embedded-postgres";
import { getConfig } from "../../src/server/config";

export async function withDatabaseUrl<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const config = getConfig();
  if (config.DATABASE_URL) return fn(config.DATABASE_URL);
  const dataDir = path.join(config.DATA_DIR, "pg");
  const running = findRunningEmbedded(dataDir);
  if (running) {
    process.env.DATABASE_URL = running;
    return fn(running);
  }
  const db = await startEmbeddedPostgres({ dataDir });
  process.env.DATABASE_URL = db.url;
  try {
    return await fn(db.url);
  } finally {
    await db.stop();
  }
}
