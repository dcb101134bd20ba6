// Inputs for the parser property tests: real captures per parser and the ways fast-check damages them.
import fc from "fast-check";
import type { TSourceId } from "@/core/sources";
import { readFixture } from "./fixtures";
import { NEW_PAGE } from "./samples/arxiv-list-pages";
import { RSS_ATOM, RSS_RDF } from "./samples/feeds";
import { ARXIV_NEW_COPY, HF_DAILY_COPY, HF_TRENDING_COPY, TRENDING_CARDS_TEXT, TRENDING_TEXT } from "./samples/trending-text";

// Real captures per parser (plus samples written to the source's format where no capture exists, as for pasted text).
export const BASES: Record<TSourceId, string[]> = {
  "hf-daily": [readFixture("hf/api-daily-papers-2026-06-12.json")],
  "hf-page": [readFixture("hf/daily-page-2024-08-01.html")],
  "arxiv-list": [readFixture("arxiv/list-cs.CL-recent-2026-07-28.html"), NEW_PAGE],
  "arxiv-rss": [readFixture("arxiv/rss-stat-2024-03-26.xml"), readFixture("arxiv/rss-cs.CL-2026-08-01-weekend-empty.xml"), RSS_ATOM, RSS_RDF],
  "arxiv-api": [readFixture("arxiv/api-2016-au-del-maestro.atom.xml"), readFixture("arxiv/api-empty-result.atom.xml")],
  text: [TRENDING_TEXT, TRENDING_CARDS_TEXT, HF_TRENDING_COPY, HF_DAILY_COPY, ARXIV_NEW_COPY],
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

export const mutation = fc.oneof(
  fc.record({ kind: fc.constant("truncate" as const), at: position }),
  fc.record({ kind: fc.constant("delete" as const), at: position, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant("insert" as const), at: position, text: noise }),
  fc.record({ kind: fc.constant("swap" as const), a: position, b: position, length: fc.integer({ min: 1, max: 2000 }) }),
  fc.record({ kind: fc.constant("replace" as const), text: fc.string({ unit: "binary", maxLength: 200 }) }),
  // Malformed markup: one closing tag missing, so that what follows nests inside the element it should end.
  fc.record({ kind: fc.constant("unclose" as const), at: position }),
);
export type TMutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

export function apply(body: string, m: TMutation): string {
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
    case "unclose": {
      const start = body.indexOf("</", at(m.at));
      const end = start < 0 ? -1 : body.indexOf(">", start);
      return end < 0 ? body : body.slice(0, start) + body.slice(end + 1);
    }
  }
}
