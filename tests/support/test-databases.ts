// Creates fresh, separate databases for test suites on the server in DATABASE_URL, and drops them.
import pg from "pg";

/** The URL of a sibling database named `<base>_<suffix>` on the same server. */
export function siblingUrl(baseUrl: string, suffix: string): string {
  const url = new URL(baseUrl);
  const base = url.pathname.replace(/^\//, "") || "postgres";
  url.pathname = `/${base}_${suffix}`.replace(/[^a-zA-Z0-9_/]/g, "_");
  return url.toString();
}

const nameOf = (url: string) => new URL(url).pathname.slice(1);

async function asAdmin(adminUrl: string, work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

/** Drops and recreates the database named in `url`, connecting through `adminUrl`; as a copy of `template`'s database when given. */
export async function recreateDatabase(adminUrl: string, url: string, opts: { template?: string } = {}): Promise<void> {
  await asAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${nameOf(url)}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${nameOf(url)}"${opts.template ? ` TEMPLATE "${nameOf(opts.template)}"` : ""}`);
  });
}

/** Drops the database named in `url` and every sibling of it (siblingUrl's `<name>_<suffix>`, and theirs), connecting through `adminUrl`. */
export async function dropWithSiblings(adminUrl: string, url: string): Promise<void> {
  await asAdmin(adminUrl, async (client) => {
    const name = nameOf(url);
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname = $1 OR starts_with(datname::text, $2)", [
      name,
      `${name}_`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
