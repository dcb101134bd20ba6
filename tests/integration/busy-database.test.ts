// A database that cannot answer now, provoked on a real PostgreSQL server: every way it fails a query (as Prisma 7 over node-postgres
// throws it) is read as UNAVAILABLE with Retry-After, and any other failure is not.
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../src/server/db";
import { knownError } from "../../src/server/errors/known-error";
import { findFreePort } from "../../src/server/net/local-probes";
import { testDatabaseUrl, testDb } from "./helpers/db";
import { whileLocked, withStatementTimeout } from "./helpers/busy-database";

const db = testDb();
const clients: Db[] = [];
/** A client of its own, ended after the file, so a pool left busy by one test is no other test's. */
function client(url: string, max = 2): Db {
  const made = createDb(url, { max });
  clients.push(made);
  return made;
}

afterAll(async () => {
  await Promise.all([db, ...clients].map((c) => c.$disconnect()));
});

/** What `work` threw, as knownError reads it. */
async function readFailure(work: PromiseLike<unknown>) {
  const err = await Promise.resolve(work).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, "the query should have failed").not.toBeNull();
  return knownError(err);
}

const BUSY = { code: "UNAVAILABLE", status: 503, retryAfterSeconds: 5, userMessage: "The server is busy. Try again in a few seconds." };

describe("a database that cannot answer now is UNAVAILABLE, however the query meets it", () => {
  it("a server nothing answers at (connection refused): a model query, a raw query and a transaction", async () => {
    const url = new URL(testDatabaseUrl());
    url.port = String(await findFreePort(45_432));
    const unreachable = client(url.toString());
    for (const work of [() => unreachable.paper.findFirst(), () => unreachable.$queryRaw`SELECT 1`, () => unreachable.$transaction((tx) => tx.paper.count())]) {
      expect(await readFailure(work())).toMatchObject(BUSY);
    }
  });

  it("a statement that waits past statement_timeout (here for a lock another session holds)", async () => {
    const timed = client(withStatementTimeout(testDatabaseUrl(), 300));
    await whileLocked(testDatabaseUrl(), ["papers"], async () => {
      expect(await readFailure(timed.paper.findFirst())).toMatchObject(BUSY);
      expect(await readFailure(timed.$queryRaw`SELECT count(*) FROM papers`)).toMatchObject(BUSY);
    });
  });

  it("no pool connection free within the pool's wait (a query, and a transaction that cannot start)", async () => {
    const small = client(testDatabaseUrl(), 1);
    // The pool's one connection waits on the lock; the next query and transaction wait for the pool and give up.
    let holding: Promise<number> | undefined;
    await whileLocked(testDatabaseUrl(), ["papers"], async () => {
      holding = Promise.resolve(small.paper.count());
      await new Promise((resolve) => setTimeout(resolve, 200));
      const [query, transaction] = await Promise.all([readFailure(small.$queryRaw`SELECT 1`), readFailure(small.$transaction((tx) => tx.paper.count()))]);
      expect(query).toMatchObject(BUSY);
      expect(transaction).toMatchObject(BUSY);
    });
    // The held query itself ends once the lock goes.
    expect(typeof (await holding)).toBe("number");
  });

  it("a server refusing more connections (too many for the role)", async () => {
    // The server's limit for everybody would need as many connections; a role's own limit of none says the same words.
    const role = `${new URL(testDatabaseUrl()).pathname.slice(1)}_busy_role`;
    await db.$executeRawUnsafe(`DROP ROLE IF EXISTS "${role}"`);
    await db.$executeRawUnsafe(`CREATE ROLE "${role}" LOGIN PASSWORD 'busy' CONNECTION LIMIT 0`);
    try {
      const url = new URL(testDatabaseUrl());
      url.username = role;
      url.password = "busy";
      const refused = client(url.toString());
      expect(await readFailure(refused.paper.findFirst())).toMatchObject(BUSY);
      expect(await readFailure(refused.$queryRaw`SELECT 1`)).toMatchObject(BUSY);
      await refused.$disconnect();
    } finally {
      await db.$executeRawUnsafe(`DROP ROLE "${role}"`);
    }
  });

  it("a query that fails for any other reason is a fault, not a busy database", async () => {
    const missing = new URL(testDatabaseUrl());
    missing.pathname = "/no_such_database_for_busy_tests";
    expect(await readFailure(db.$queryRaw`SELECT 1 / 0`)).toBeNull();
    expect(await readFailure(client(missing.toString()).paper.findFirst())).toBeNull();
  });
});
