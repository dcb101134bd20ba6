// Test projects: pure unit tests, and integration tests against a real PostgreSQL and SMTP server.
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname, "src") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Not vitest's default 5 s: a test that spawns a process or runs a property over many inputs must not fail on a busy machine.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", setupFiles: ["tests/unit/property-seed.ts"], testTimeout: 30_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/run-temp-dir.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Two files at a time, each on its worker's own database (global-setup.ts) and ports (helpers/worker.ts): much of a file's
          // time is waiting (a timeout it provokes, a child process starting), and one file at a time left the suite the longest step of CI.
          maxWorkers: 2,
          // After the unit tests when both projects run (`npx vitest run`): vitest refuses one group of projects with different maxWorkers.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
