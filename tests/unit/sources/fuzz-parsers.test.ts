// Property-based fuzzing: every parser, fed mutated real captures, returns a valid result and never crashes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PARSERS, ZParseResult, type TSourceId } from "@/core/sources";
import { ctx, readFixture } from "./fixtures";
import { NEW_PAGE } from "./samples/arxiv-list-pages";
import { RSS_ATOM, RSS_RDF } from "./samples/feeds";
import { TRENDING_TEXT } from "./samples/trending-text";

// Real captures per parser (plus the small samples of formats no capture covers).
const BASES: Record<TSourceId, string[]> = {
  "hf-daily": [readFixture("hf/api-daily-papers-2026-06-12.json")],
  "hf-page": [readFixture("hf/daily-page-2024-08-01.html")],
  "arxiv-list": [readFixture("arxiv/list-cs.CL-recent-2026-07-28.html"), NEW_PAGE],
  "arxiv-rss": [readFixture("arxiv/rss-stat-2024-03-26.xml"), readFixture("arxiv/rss-cs.CL-2026-08-01-weekend-empty.xml"), RSS_ATOM, RSS_RDF],
  "arxiv-api": [readFixture("arxiv/api-2016-au-del-maestro.atom.xml"), readFixture("arxiv/api-empty-result.atom.xml")],
  text: [TRENDING_TEXT],
};

const position = fc.double({ min: 0, max: 1, noNaN: true });
const noise = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "<",
    ">",
    "&",
    '"',
    "'",
    "&quot;",
    "&#",
    "]]>",
    "<![CDATA[",
    "<!--",
    "</dl>",
    "<dt>",
    "<dd>",
    "<h3>",
    "</entry>",
    "<item>",
    "</channel>",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "\u0000",
    "\n\n",
    'data-props="',
    "v0",
    "arXiv:",
  ),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: position }),
  fc.record({ kind: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: position, text: noise }),
  fc.record({ kind: fc.constant("swap" as const), a: position, b: position, length: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ kind: fc.constant("replace" as const), text: fc.string({ unit: "binary", maxLength: 200 }) }),
);
type TMutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function apply(body: string, m: TMutation): string {
  const at = (p: number): number => Math.floor(p * body.length);
  switch (m.kind) {
    case "truncate":
      return body.slice(0, at(m.at));
    case "delete":
      return body.slice(0, at(m.at)) + body.slice(at(m.at) + m.length);
    case "insert":
      return body.slice(0, at(m.at)) + m.text + body.slice(at(m.at));
    case "swap": {
      const [x, y] = [at(m.a), at(m.b)].sort((p, q) => p - q) as [number, number];
      const len = Math.min(m.length, y - x);
      return body.slice(0, x) + body.slice(y, y + len) + body.slice(x + len, y) + body.slice(x, x + len) + body.slice(y + len);
    }
    case "replace":
      return m.text;
  }
}

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
