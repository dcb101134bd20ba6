// The environment `npm run dev` and `npm run build` give Next, as `npm start` gives its web server.

/** `env` with Next's telemetry off (a self-hosted app reports nothing to anybody) and, for the dev server, its database. */
export function nextCommandEnv<T extends Readonly<Record<string, string | undefined>>>(env: T, databaseUrl?: string): T & { NEXT_TELEMETRY_DISABLED: "1" } {
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
}
