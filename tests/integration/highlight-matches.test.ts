// Highlights marked in TypeScript are the ones PostgreSQL's ts_headline marked, on real captured titles and abstracts and the words people search for.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { highlighterFor } from "../../src/core/search";
import { parseListing, type TSourceId } from "../../src/core/sources";
import { testDb } from "./helpers/db";

const db = testDb();
afterAll(() => db.$disconnect());

const CAPTURES: [TSourceId, string][] = [
  ["hf-daily", "hf/api-daily-papers-2026-05-08.json"],
  ["hf-daily", "hf/api-daily-papers-2026-06-12.json"],
  ["arxiv-list", "arxiv/list-cs.CL-recent-2026-07-28.html"],
  ["arxiv-rss", "arxiv/rss-stat-2024-03-26.xml"],
  ["arxiv-api", "arxiv/api-cat-cs.AI-LG-2026-07-13.atom.xml"],
];

const texts = CAPTURES.flatMap(([source, file]) =>
  parseListing(source, readFileSync(path.join(import.meta.dirname, "../fixtures", file), "utf8"), { now: new Date("2026-08-01T00:00:00Z") }).papers.flatMap(
    (paper) => [paper.title, paper.abstract ?? ""],
  ),
).filter((text) => text !== "");

/** What ts_headline marks for each text, as the search page asked for it before it marked them itself. */
async function headlines(query: string, batch: string[]): Promise<{ marked: string; tsquery: string }[]> {
  return db.$queryRaw<{ marked: string; tsquery: string }[]>`
    SELECT ts_headline('english', t, q, 'HighlightAll=true, StartSel=\u0002, StopSel=\u0003') AS marked, q::text AS tsquery
    FROM unnest(${batch}::text[]) WITH ORDINALITY AS x(t, n), websearch_to_tsquery('english', ${query}) q ORDER BY n`;
}

/**
 * Queries as people write them: a word in several inflections, pairs, a phrase, an exclusion, OR, hyphenated words and numbers, and
 * the most frequent words of the captures themselves (so every text has marks to agree on).
 */
function queries(): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  const frequent = [...counts].sort((a, b) => b[1] - a[1]).map(([word]) => word);
  return [
    "model",
    "models modelling modeled",
    "language models",
    '"large language model"',
    "reasoning -video",
    "diffusion OR transformer",
    "vision-language",
    "state-of-the-art",
    "multi-agent reinforcement learning",
    "GPT-4",
    "3D",
    "2024",
    "naïve",
    "studies studying",
    "efficiency efficient efficiently",
    "U.S. e.g.",
    ...Array.from({ length: 40 }, (_, i) => `${frequent[i]} ${frequent[i + 40]}`),
  ];
}

describe("highlighterFor", () => {
  it("marks what ts_headline marked in every captured title and abstract, for every query", async () => {
    expect(texts.length).toBeGreaterThan(100);
    let compared = 0;
    let marked = 0;
    for (const query of queries()) {
      const expected = await headlines(query, texts);
      const highlight = highlighterFor(expected[0]!.tsquery);
      for (const [i, text] of texts.entries()) {
        // A title is marked whole, so each text goes in as one.
        expect(highlight({ title: text, abstract: "" }).title, `${query}: ${text.slice(0, 80)}`).toBe(expected[i]!.marked);
        compared += 1;
        if (expected[i]!.marked.includes("\u0002")) marked += 1;
      }
    }
    // Most comparisons have a mark to get right, not just text to copy.
    expect(marked).toBeGreaterThan(compared / 10);
  }, 120_000);
});
