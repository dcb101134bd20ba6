// A database that cannot answer now, provoked on a real PostgreSQL server: every way it fails a query (as Prisma 7 over node-postgres
// throws it) is read as UNAVAILABLE with Retry-After, and the manage page's, the confirmation's and the preferences' server actions
// answer it with "busy, try again" in their own way instead of throwing. The web server's pages and forms: busy-database-web.test.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Prisma } from "../../src/generated/prisma/client";
import { createDb, type Db } from "../../src/server/db";
import { randomToken, sha256 } from "../../src/server/auth/secrets";
import { knownError } from "../../src/server/errors/known-error";
import { logger } from "../../src/server/logger";
import { IDLE_STATE } from "../../src/server/subscriptions/form-state";
import { signSubscriberToken } from "../../src/server/subscriptions/subscription-links";
import { confirmAction } from "../../src/app/subscribe/confirm/actions";
import { followAction, pauseAction, savePreferencesAction } from "../../src/app/subscription/[token]/actions";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { resettingServer, silentServer, startingServer, whileLocked, withStatementTimeout } from "./helpers/busy-database";
import { testPort } from "./helpers/worker";

const APP_SECRET = "busy-app-secret-0123456789abcdef";
/** Long enough for any statement of these tests, short enough to wait out a lock a few times. */
const STATEMENT_TIMEOUT_MS = 1_000;

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

/** What `work` threw, as knownError reads it, with `logged`: the warning it wrote, which says what happened to an admin reading the log. */
async function readFailure(work: PromiseLike<unknown>) {
  const err = await Promise.resolve(work).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, "the query should have failed").not.toBeNull();
  const warn = vi.spyOn(logger, "warn");
  try {
    const known = knownError(err);
    return known && Object.assign(known, { logged: warn.mock.calls.at(-1)?.[1] as string | undefined });
  } finally {
    warn.mockRestore();
  }
}

const SAYS = {
  unreachable: "the database is not reachable",
  timedOut: "the database could not take the query in time",
  full: "the database refused more connections",
  starting: "the database is starting up",
  lost: "the database connection was lost",
};

const BUSY = { code: "UNAVAILABLE", status: 503, retryAfterSeconds: 5, userMessage: "The server is busy. Try again in a few seconds." };

describe("a database that cannot answer now is UNAVAILABLE, however the query meets it", () => {
  it("a server nothing answers at (connection refused): a model query, a raw query and a transaction", async () => {
    const url = new URL(testDatabaseUrl());
    url.port = String(await testPort(45_432));
    const unreachable = client(url.toString());
    for (const work of [() => unreachable.paper.findFirst(), () => unreachable.$queryRaw`SELECT 1`, () => unreachable.$transaction((tx) => tx.paper.count())]) {
      expect(await readFailure(work())).toMatchObject({ ...BUSY, logged: SAYS.unreachable });
    }
  });

  it("a statement that waits past statement_timeout (here for a lock another session holds)", async () => {
    const timed = client(withStatementTimeout(testDatabaseUrl(), 300));
    await whileLocked(testDatabaseUrl(), ["papers"], async () => {
      expect(await readFailure(timed.paper.findFirst())).toMatchObject({ ...BUSY, logged: SAYS.timedOut });
      expect(await readFailure(timed.$queryRaw`SELECT count(*) FROM papers`)).toMatchObject({ ...BUSY, logged: SAYS.timedOut });
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
      expect(query).toMatchObject({ ...BUSY, logged: SAYS.timedOut });
      expect(transaction).toMatchObject({ ...BUSY, logged: SAYS.timedOut });
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
      expect(await readFailure(refused.paper.findFirst())).toMatchObject({ ...BUSY, logged: SAYS.full });
      expect(await readFailure(refused.$queryRaw`SELECT 1`)).toMatchObject({ ...BUSY, logged: SAYS.full });
      await refused.$disconnect();
    } finally {
      await db.$executeRawUnsafe(`DROP ROLE "${role}"`);
    }
  });

  it("a host that takes the connection and never answers: the pool's connection timeout, and a transaction that cannot start", async () => {
    const silent = await silentServer(testDatabaseUrl());
    try {
      const hung = client(silent.url, 3);
      // Together: each waits out the pool's five-second connection timeout (the transaction its two-second start).
      const failures = await Promise.all([hung.paper.findFirst(), hung.$queryRaw`SELECT 1`, hung.$transaction((tx) => tx.paper.count())].map(readFailure));
      for (const failure of failures) expect(failure).toMatchObject({ ...BUSY, logged: SAYS.timedOut });
    } finally {
      await silent.close();
    }
  });

  it("a server still starting up (FATAL 57P03), and one whose connection is reset", async () => {
    for (const [fake, says] of [
      [await startingServer(testDatabaseUrl()), SAYS.starting],
      [await resettingServer(testDatabaseUrl()), SAYS.lost],
    ] as const) {
      try {
        const answered = client(fake.url);
        expect(await readFailure(answered.paper.findFirst())).toMatchObject({ ...BUSY, logged: says });
        expect(await readFailure(answered.$queryRaw`SELECT 1`)).toMatchObject({ ...BUSY, logged: says });
      } finally {
        await fake.close();
      }
    }
  });

  it("a connection ended under a running query, as a restart or a failover ends it (57P01)", async () => {
    const own = client(testDatabaseUrl(), 1);
    // The pool's one connection, kept idle between queries: the one the sleep below runs on.
    const { pid } = (await own.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]!;
    const sleeping = readFailure(own.$queryRaw`SELECT 1 FROM pg_sleep(10)`);
    await expect.poll(() => db.$queryRaw<unknown[]>`SELECT 1 FROM pg_stat_activity WHERE pid = ${pid} AND query LIKE '%pg_sleep%'`).toHaveLength(1);
    await db.$queryRaw`SELECT pg_terminate_backend(${pid}::int)::text`;
    expect(await sleeping).toMatchObject({ ...BUSY, logged: SAYS.lost });
  });

  it("a transaction held past its own timeout, or used after it ended, is a fault of the code (P2028 that is no wait for the pool)", async () => {
    const expired = db.$transaction(
      async (tx) => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return tx.paper.count();
      },
      { timeout: 100 },
    );
    expect(await readFailure(expired)).toBeNull();
    let ended: Prisma.TransactionClient | undefined;
    await db.$transaction(async (tx) => void (ended = tx));
    expect(await readFailure(ended!.paper.count())).toBeNull();
  });

  it("a query that fails for any other reason is a fault, not a busy database", async () => {
    const missing = new URL(testDatabaseUrl());
    missing.pathname = "/no_such_database_for_busy_tests";
    expect(await readFailure(db.$queryRaw`SELECT 1 / 0`)).toBeNull();
    expect(await readFailure(client(missing.toString()).paper.findFirst())).toBeNull();
  });
});

describe("server actions meeting a busy database", () => {
  let token: string;
  let subscriberId: number;

  beforeAll(async () => {
    // The actions reach the database through the process's one client (getDb), here with a short statement_timeout.
    process.env.DATABASE_URL = withStatementTimeout(testDatabaseUrl(), STATEMENT_TIMEOUT_MS);
    process.env.APP_SECRET = APP_SECRET;
    process.env.ADMIN_TOKEN ??= "busy-admin-token-0123456789";
    process.env.CRON_SECRET ??= "busy-cron-secret-0123456789";
    await resetDb(db);
    const subscriber = await db.subscriber.create({
      data: { email: "reader@example.org", status: "confirmed", frequency: "daily", keywords: ["diffusion"], categories: [] },
    });
    subscriberId = subscriber.id;
    token = signSubscriberToken({ secret: APP_SECRET, purpose: "manage", subscriberId, now: new Date() });
  });

  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [key, value] of Object.entries(fields)) data.set(key, value);
    return data;
  };
  /** Where an action's redirect() sends the browser (Next's NEXT_REDIRECT error carries it in its digest). */
  const redirectOf = (work: Promise<unknown>) =>
    work.then(
      () => "no redirect",
      (err: unknown) => String((err as { digest?: string }).digest).split(";")[2],
    );

  it("saving preferences returns the form's error state saying the server is busy, with what was typed, and changes nothing", async () => {
    const fields = { token, frequency: "weekly", keywords: "robotics", categories: "", minUpvotes: "0" };
    const state = await whileLocked(testDatabaseUrl(), ["subscribers"], () => savePreferencesAction(IDLE_STATE, form(fields)));
    expect(state).toMatchObject({ status: "error", message: BUSY.userMessage, fieldErrors: {} });
    expect(state.values).toMatchObject({ frequency: "weekly", keywords: "robotics" });
    expect(await db.subscriber.findUniqueOrThrow({ where: { id: subscriberId } })).toMatchObject({ frequency: "daily", keywords: ["diffusion"] });
  });

  it("pausing, or following a name, reopens the manage page saying nothing was changed", async () => {
    await whileLocked(testDatabaseUrl(), ["subscribers", "follows"], async () => {
      expect(await redirectOf(pauseAction(form({ token })))).toBe(`/subscription/${token}?done=busy`);
      expect(await redirectOf(followAction(form({ token, kind: "author", label: "Ada Lovelace" })))).toBe(`/subscription/${token}?done=busy`);
    });
    expect(await db.subscriber.findUniqueOrThrow({ where: { id: subscriberId } })).toMatchObject({ status: "confirmed" });
    expect(await db.follow.count()).toBe(0);
  });

  it("confirming reopens the confirmation page asking for another press, and the link still works", async () => {
    const pending = await db.subscriber.create({ data: { email: "new@example.org", keywords: [], categories: [] } });
    const confirmToken = randomToken();
    await db.subscriberToken.create({
      data: { subscriberId: pending.id, purpose: "confirm", tokenHash: sha256(confirmToken), expiresAt: new Date(Date.now() + 3_600_000) },
    });
    const busy = await whileLocked(testDatabaseUrl(), ["subscriber_tokens", "subscribers"], () => redirectOf(confirmAction(form({ token: confirmToken }))));
    expect(busy).toBe(`/subscribe/confirm?token=${confirmToken}&busy=1`);
    expect(await redirectOf(confirmAction(form({ token: confirmToken })))).toMatch(/^\/subscription\/[^?]+\?welcome=1$/);
  });
});
