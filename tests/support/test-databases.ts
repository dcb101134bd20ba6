// Creates fresh, separate databases for test suites on the server in DATABASE_URL.
import pg from "pg";

/** The URL of a sibling database named `<base>_<suffix>` on the same server. */
export function siblingUrl(baseUrl: string, suffix: string): string {
  const url = new URL(baseUrl);
  const base = url.pathname.replace(/^\//, "") || "postgres";
  url.pathname = `/${base}_${suffix}`.replace(/[^a-zA-Z0-9_/]/g, "_");
  return url.toString();
}

/** Drops and recreates the database named in `url`, connecting through `adminUrl`. */
export async function recreateDatabase(adminUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}
