// The one Prisma client for the process, over node-postgres (Rust-free Prisma 7 driver adapter).
import { PrismaPg } from "@prisma/adapter-pg";
import { type Prisma, PrismaClient } from "@/generated/prisma/client";
import { getConfig } from "./config";
import { AppError } from "./errors/app-error";

export type Db = PrismaClient;

/** The shared client or an open transaction, for a repo function a transaction may call. */
export type TDbOrTx = Db | Prisma.TransactionClient;

const globalForDb = globalThis as unknown as { paperDigestDb?: PrismaClient };

export function createDb(connectionString: string, opts: { max?: number } = {}): PrismaClient {
  // Idle connections are kept five minutes, not node-postgres' 10 s: on a quiet site nearly every request came after a pause and
  // opened a connection first (6-8 ms on the same machine, more with TLS to a database elsewhere). An idle connection keeps no process
  // alive (`allowExitOnIdle`), so a script that ends without disconnecting still exits.
  const adapter = new PrismaPg({
    connectionString,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 5 * 60_000,
    allowExitOnIdle: true,
  });
  return new PrismaClient({ adapter });
}

/** The shared client. Needs DATABASE_URL, which `npm start` sets when it runs the embedded database. */
export function getDb(): PrismaClient {
  if (globalForDb.paperDigestDb) return globalForDb.paperDigestDb;
  const url = getConfig().DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new AppError("UNAVAILABLE", "DATABASE_URL is not set: start the app with `npm start`, or set DATABASE_URL.");
  globalForDb.paperDigestDb = createDb(url, { max: getConfig().DB_POOL_SIZE });
  return globalForDb.paperDigestDb;
}
