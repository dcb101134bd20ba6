// Prisma CLI configuration: the schema's location and the database URL, read lazily so `prisma generate` works offline.
import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI insists on a native schema engine it cannot download here; generate never runs it.
// The stub exits 1 so a native `migrate` can never silently "succeed" (use `npm run db:migrate`).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "scripts", "no-schema-engine.sh");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
