// The environment Next runs in: `npm run dev`'s and `npm run build`'s, and `npm start`'s web server.

/** `env` with Next's telemetry off (a self-hosted app reports nothing to anybody) and, for a server, its database. */
export function nextCommandEnv<T extends Readonly<Record<string, string | undefined>>>(env: T, databaseUrl?: string): T & { NEXT_TELEMETRY_DISABLED: "1" } {
  return { ...env, NEXT_TELEMETRY_DISABLED: "1", ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
}
