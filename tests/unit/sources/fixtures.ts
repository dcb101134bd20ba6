// Reads the real captures in tests/fixtures (read-only evidence) and pins the clock for parser tests.
import { readFileSync } from "node:fs";
import path from "node:path";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures");

export function readFixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), "utf8");
}

/** A fixed instant for every parser call: listing days never depend on when the tests run. */
export const NOW = new Date("2026-08-01T12:00:00Z");

export const ctx = { now: NOW };

export function countBy<T>(items: T[], key: (item: T) => string | undefined): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) {
    const k = key(item) ?? "undefined";
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}
