// Test projects: pure unit tests, and integration tests against a real PostgreSQL and SMTP server.
import path from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const alias = { "@": path.resolve(import.meta.dirname, "src") };

/**
 * Test files that start whole apps, one of them building Next, run last. `npm test` runs the end-to-end tests beside the integration
 * tests (scripts/test-all.sh), and vitest runs its largest files first when it has no timings: run second, while the end-to-end tests
 * started, tests/integration/start.test.ts took 257 s in CI on a 2-core machine, against 114 s alone.
 */
class AppStartsLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const startsApps = (file: TestSpecification) => /tests\/integration\/start\.test\.ts$/.test(file.moduleId);
    return [...sorted.filter((file) => !startsApps(file)), ...sorted.filter(startsApps)];
  }
}

export default defineConfig({
  resolve: { alias },
  test: {
    sequence: { sequencer: AppStartsLast },
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", setupFiles: ["tests/unit/property-seed.ts"] } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
