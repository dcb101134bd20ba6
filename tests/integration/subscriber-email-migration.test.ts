// The subscriber_email_case migration on a database that already holds case variants of one address: it merges them instead of failing.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR } from "../../src/server/db/migrations";
import { recreateDatabase, siblingUrl } from "../support/test-databases";
import { testDatabaseUrl } from "./helpers/db";

const dirs = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const target = dirs.findIndex((d) => d.endsWith("_subscriber_email_case"));
const sqlOf = (dir: string) => readFileSync(path.join(MIGRATIONS_DIR, dir, "migration.sql"), "utf8");

const url = () => siblingUrl(testDatabaseUrl(), "email_case");
let client: pg.Client;

beforeAll(async () => {
  await recreateDatabase(testDatabaseUrl(), url());
  client = new pg.Client({ connectionString: url() });
  await client.connect();
  for (const dir of dirs.slice(0, target)) await client.query(sqlOf(dir));
});
afterAll(async () => {
  await client.end();
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${new URL(url()).pathname.slice(1)}" WITH (FORCE)`);
  await admin.end();
});

async function subscriber(email: string, status: string): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO subscribers (email, status, frequency, keywords, categories, "updatedAt") VALUES ($1, $2::"SubscriberStatus", 'weekly', '{}', '{}', now()) RETURNING id`,
    [email, status],
  );
  return rows[0]!.id;
}

describe("migration subscriber_email_case", () => {
  it("keeps one row per mailbox (the one it receives mail through), moves its sent papers to it, then enforces the rule", async () => {
    expect(target).toBeGreaterThan(0);
    const { rows: papers } = await client.query<{ id: number }>(
      `INSERT INTO papers ("arxivId", "titleKey", title, abstract, authors, "listedOn", categories, keywords, sources, "updatedAt")
       SELECT '2611.0000' || g, 'paper ' || g, 'Paper ' || g, 'Abstract', '{}', date '2026-11-20', '{}', '{}', '{}', now() FROM generate_series(1, 3) g RETURNING id`,
    );
    const [p1, p2, p3] = papers.map((p) => p.id);
    const pendingVariant = await subscriber("Reader@example.org", "pending");
    const confirmed = await subscriber("reader@example.org", "confirmed");
    const unsubscribedVariant = await subscriber("READER@example.org", "unsubscribed");
    const solo = await subscriber("solo@example.org", "paused");
    const olderPending = await subscriber("Two@example.org", "pending");
    await subscriber("two@example.org", "pending");
    await client.query(`INSERT INTO sent_papers ("subscriberId", "paperId") VALUES ($1, $3), ($2, $3), ($2, $4), ($5, $6)`, [
      confirmed,
      unsubscribedVariant,
      p1,
      p2,
      solo,
      p3,
    ]);
    await client.query(`INSERT INTO subscriber_tokens ("subscriberId", purpose, "tokenHash", "expiresAt") VALUES ($1, 'confirm', 'h1', now())`, [
      pendingVariant,
    ]);

    await client.query(sqlOf(dirs[target]!));

    const { rows } = await client.query<{ id: number; email: string }>(`SELECT id, email FROM subscribers ORDER BY id`);
    expect(rows).toEqual([
      { id: confirmed, email: "reader@example.org" },
      { id: solo, email: "solo@example.org" },
      { id: olderPending, email: "Two@example.org" },
    ]);
    const { rows: sent } = await client.query<{ subscriberId: number; paperId: number }>(`SELECT "subscriberId", "paperId" FROM sent_papers ORDER BY 1, 2`);
    expect(sent).toEqual([
      { subscriberId: confirmed, paperId: p1 },
      { subscriberId: confirmed, paperId: p2 },
      { subscriberId: solo, paperId: p3 },
    ]);
    expect((await client.query(`SELECT 1 FROM subscriber_tokens`)).rowCount).toBe(0);
    await expect(subscriber("SOLO@Example.org", "pending")).rejects.toThrow(/subscribers_email_lower_key/);
  });
});
