// A trending page copied as plain text: papers found by shape, page chrome ignored.
import { describe, expect, it } from "vitest";
import { parseTextListing } from "@/core/sources/parse-text-listing";
import { readFixture } from "./fixtures";
import { TRENDING_CARDS_TEXT, TRENDING_TEXT } from "./samples/trending-text";

const MARCH = { now: new Date("2025-03-14T09:00:00Z") };
const ABSTRACT =
  "We propose a simple recipe for training small language models that matches much larger ones on reasoning benchmarks while using a fraction of the compute.";

describe("text: a copied trending page", () => {
  const result = parseTextListing(TRENDING_TEXT, MARCH);

  it("finds exactly the three papers, none of the page chrome", () => {
    expect(result.fatal).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.papers.map((p) => p.title)).toEqual([
      "Sparse Mixture of Adapters for Efficient Multilingual Speech Recognition",
      "Long-Context Retrieval Heads Explain In-Context Learning Failures",
      "World Models as Planners: Scaling Latent Imagination for Robot Manipulation",
    ]);
  });

  it("joins wrapped abstract lines and turns the code link into an https URL", () => {
    const first = result.papers[0];
    expect(first?.abstract).toBe(
      "We present a sparse mixture of adapters that routes each utterance to a small set of language-specific adapters, cutting inference cost by 40% while matching dense baselines on 102 languages. Code: github.com/foo/bar.",
    );
    expect(first?.githubUrl).toBe("https://github.com/foo/bar");
    expect(result.papers[1]?.githubUrl).toBeUndefined();
  });

  it("dates papers by the date line, with the year from now", () => {
    expect(result.papers.map((p) => p.listedOn)).toEqual(["2025-03-12", "2025-03-12", "2025-03-12"]);
  });

  it("takes an arXiv id only when one is written", () => {
    expect(result.papers.map((p) => p.arxivId)).toEqual([null, null, "2403.12345"]);
    expect(result.papers.every((p) => p.authors.length === 0)).toBe(true);
  });
});

describe("text: card-style copy with counts and links", () => {
  const result = parseTextListing(TRENDING_CARDS_TEXT, MARCH);

  it("reads two papers with their upvotes, not the star counts", () => {
    expect(result.papers.map((p) => [p.title, p.upvotes])).toEqual([
      ["Visual Instruction Tuning at Scale with Synthetic Dialogues", 94],
      ["Proof Search with Learned Value Functions for Olympiad Geometry", 41],
    ]);
  });

  it("reads links and ids from the abstract, defaulting the day to now", () => {
    expect(result.papers[0]?.githubUrl).toBe("https://github.com/example-org/synth-dialogues");
    expect(result.papers[1]).toMatchObject({ arxivId: "2401.08312", version: 2, listedOn: "2025-03-14" });
  });
});

describe("text: layout variations", () => {
  it("accepts a blank line between title and abstract, and an author line", () => {
    const text = `Small Models Can Reason Too\nAda Lovelace, Alan Turing and Grace Hopper\n\n${ABSTRACT}\n`;
    const result = parseTextListing(text, MARCH);
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]?.authors).toEqual(["Ada Lovelace", "Alan Turing", "Grace Hopper"]);
    expect(result.papers[0]?.abstract).toBe(ABSTRACT);
  });

  it("splits papers that follow each other without blank lines", () => {
    const text = `First Paper About Reasoning\n${ABSTRACT}\nSecond Paper About Retrieval\n${ABSTRACT}`;
    expect(parseTextListing(text, MARCH).papers.map((p) => p.title)).toEqual(["First Paper About Reasoning", "Second Paper About Retrieval"]);
  });

  it("ignores titles without a paragraph, short lines and lone numbers", () => {
    const text = `Trending\n\nSign in\n\n128\n\nA Title Without Any Abstract\n\nAnother Lonely Headline Here\nToo short to be an abstract.\n`;
    expect(parseTextListing(text, MARCH).papers).toEqual([]);
  });

  it.each([
    ["Dec 30", { now: new Date("2025-01-05T00:00:00Z") }, "2024-12-30"],
    ["Mar 12, 2023", MARCH, "2023-03-12"],
    ["12 Mar", MARCH, "2025-03-12"],
    ["Wednesday, 12 March", MARCH, "2025-03-12"],
    ["Mar 20", MARCH, "2024-03-20"],
  ])("date line %j sets the listing day", (line, ctx, day) => {
    const result = parseTextListing(`${line}\n\nSmall Models Can Reason Too\n${ABSTRACT}`, ctx);
    expect(result.papers[0]?.listedOn).toBe(day);
  });

  it("takes a count just above each title as upvotes when that is the page's layout", () => {
    const text = `57\nFirst Paper About Reasoning\n${ABSTRACT}\n\n12\nSecond Paper About Retrieval\n${ABSTRACT}`;
    expect(parseTextListing(text, MARCH).papers.map((p) => p.upvotes)).toEqual([57, 12]);
  });

  it("an empty body is an empty listing", () => {
    expect(parseTextListing("", MARCH)).toEqual({ source: "text", papers: [], errors: [] });
  });
});

describe("text: wrong document types", () => {
  it.each([
    ["HTML", readFixture("arxiv/list-cs.CL-recent-2026-07-28.html")],
    ["XML", readFixture("arxiv/api-empty-result.atom.xml")],
    ["JSON", readFixture("hf/api-daily-papers-2026-06-12.json")],
  ])("%s is fatal", (_label, body) => {
    const result = parseTextListing(body, MARCH);
    expect(result.fatal).toEqual(expect.any(String));
    expect(result.papers).toEqual([]);
  });
});
