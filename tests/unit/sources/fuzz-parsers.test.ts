// Property-based fuzzing: every parser, fed mutated real captures, returns a valid result and never crashes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PARSERS, ZParseResult, type TSourceId } from "@/core/sources";
import { ctx } from "./fixtures";
import { BASES, apply, mutation } from "./fuzz-inputs";

describe("sources: parsers survive mutated real captures", () => {
  for (const [source, bases] of Object.entries(BASES) as [TSourceId, string[]][]) {
    it(`${source} never throws and always returns a valid result`, () => {
      const parse = PARSERS[source];
      fc.assert(
        fc.property(fc.nat({ max: bases.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, mutations) => {
          const body = mutations.reduce(apply, bases[which] ?? "");
          const result = parse(body, ctx);
          expect(result.source).toBe(source);
          const checked = ZParseResult.safeParse(result);
          expect(checked.success, checked.success ? "" : JSON.stringify(checked.error.issues.slice(0, 3))).toBe(true);
          if (result.fatal !== undefined) expect(result.papers).toEqual([]);
          // `safely` turns a crash into a fatal result; a crash is still a bug, so look for its marks.
          expect(result.fatal ?? "").not.toMatch(/^parser failed/);
          expect(result.errors.filter((e) => e.message.startsWith("item could not be read"))).toEqual([]);
        }),
        { numRuns: 200 },
      );
    }, 30_000);
  }
});
