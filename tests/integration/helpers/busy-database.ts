// A database too busy to answer, on demand: statement_timeout in the URL the app connects with, and an ACCESS EXCLUSIVE lock the test
// holds on the tables a request needs, so the app's statements there wait and end at the timeout as under load, on a real server.
import pg from "pg";

/** `url` whose sessions end any statement after `ms` (its wait for a lock included), as PostgreSQL's statement_timeout does. */
export function withStatementTimeout(url: string, ms: number): string {
  const busy = new URL(url);
  busy.searchParams.set("options", `-c statement_timeout=${ms}`);
  return busy.toString();
}

/** Runs `fn` while `tables` are locked against every other session (reads wait too), then lets them go. */
export async function whileLocked<T>(url: string, tables: string[], fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(`LOCK TABLE ${tables.map((t) => `"${t}"`).join(", ")} IN ACCESS EXCLUSIVE MODE`);
    return await fn();
  } finally {
    await client.query("ROLLBACK");
    await client.end();
  }
}
