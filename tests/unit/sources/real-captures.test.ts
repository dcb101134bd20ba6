// Further real captures (tests/fixtures, see its README): layouts the other captures do not show, each parsed whole.
import { describe, expect, it } from "vitest";
import { parseArxivApi } from "@/core/sources/parse-arxiv-api";
import { parseArxivRss } from "@/core/sources/parse-arxiv-rss";
import { ctx, readFixture } from "./fixtures";

describe("arxiv-api: the 2026 response layout (https ids, unprefixed opensearch, primary_category without scheme)", () => {
  const result = parseArxivApi(readFixture("arxiv/api-cs.RO-new-format-2026-09-20.atom.xml"), ctx);

  it("keeps all 3 entries with their authors, categories and comments", () => {
    expect(result.fatal).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.expected).toBe(3);
    expect(result.totalResults).toBe(58344);
    expect(result.papers.map((p) => p.arxivId)).toEqual(["2012.11345", "2012.12142", "2012.13240"]);
    const [first] = result.papers;
    expect(first?.authors).toEqual(["Branimir Ivšić", "Zvonimir Šipuš", "Juraj Bartolić", "Josip Babić"]);
    expect(first?.primaryCategory).toBe("cs.RO");
    expect(first?.categories).toEqual(["cs.RO", "eess.SY"]);
    expect(first?.listedOn).toBe("2020-12-21");
    expect(result.papers[2]?.comments).toBe("19 pages");
  });
});

describe("arxiv-api: a 2025 response (per-element opensearch namespaces, wrapped title and abstract)", () => {
  const result = parseArxivApi(readFixture("arxiv/api-cs.RO-neural-2025-10-17.atom.xml"), ctx);

  it("keeps both entries with unwrapped text", () => {
    expect(result.errors).toEqual([]);
    expect(result.totalResults).toBe(5619);
    expect(result.papers).toHaveLength(2);
    expect(result.papers[0]?.title).toBe("RDD: Retrieval-Based Demonstration Decomposer for Planner Alignment in Long-Horizon Tasks");
    expect(result.papers[0]?.abstract).toMatch(/^To tackle long-horizon tasks, recent hierarchical vision-language-action \(VLAs\) frameworks/);
    expect(result.papers[0]?.categories).toEqual(["cs.RO", "cs.AI", "cs.CV", "cs.LG", "cs.SY", "eess.SY"]);
  });
});

describe("arxiv-rss: a combined feed (rss.arxiv.org/rss/cs.LG+cs.AI+cs.CL+stat.ML)", () => {
  const result = parseArxivRss(readFixture("arxiv/rss-multi-cs.LG-cs.AI-cs.CL-stat.ML-2026-09-24.xml"), ctx);

  it("keeps all 4 items with the type each says", () => {
    expect(result.fatal).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.expected).toBe(4);
    expect(result.papers.map((p) => [p.arxivId, p.version, p.announceType, p.primaryCategory])).toEqual([
      ["2609.26811", 1, "new", "cs.LG"],
      ["2609.26820", 1, "new", "cs.LG"],
      ["2205.06398", 2, "cross", "stat.ME"],
      ["2009.13987", 3, "replace", "cs.LG"],
    ]);
    expect(result.papers.every((p) => p.listedOn === "2026-09-24" && p.abstract.length > 200)).toBe(true);
    expect(result.papers[2]?.authors).toEqual(["Pritam Dey", "Zhengwu Zhang", "David B. Dunson"]);
  });
});
