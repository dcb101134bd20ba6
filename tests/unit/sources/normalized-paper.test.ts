// The shared paper schema: what a parser may emit, and what it must never emit.
import { describe, expect, it } from "vitest";
import { ZNormalizedPaper, ZParseResult } from "@/core/sources/normalized-paper";

const minimal = { arxivId: "2408.00714", title: "A Title", abstract: "", authors: [], listedOn: "2024-08-01" };

describe("sources: ZNormalizedPaper", () => {
  it("accepts a minimal paper and a title-only paper without an id", () => {
    expect(ZNormalizedPaper.safeParse(minimal).success).toBe(true);
    expect(ZNormalizedPaper.safeParse({ ...minimal, arxivId: null }).success).toBe(true);
    expect(ZNormalizedPaper.safeParse({ ...minimal, arxivId: "hep-th/9901001" }).success).toBe(true);
  });

  it("accepts every optional field in its documented form", () => {
    const full = {
      ...minimal,
      version: 2,
      publishedAt: "2024-07-31T17:54:27.000Z",
      upvotes: 0,
      githubUrl: "https://github.com/foo/bar",
      githubStars: 12,
      projectUrl: "https://foo.github.io/bar/",
      thumbnailUrl: "https://cdn.example.org/x.png",
      numComments: 3,
      categories: ["cs.CL", "cs.LG"],
      primaryCategory: "cs.CL",
      announceType: "replace-cross",
      aiSummary: "Short.",
      keywords: ["retrieval"],
      comments: "12 pages",
    };
    expect(ZNormalizedPaper.safeParse(full).success).toBe(true);
  });

  it.each([
    ["a versioned id", { arxivId: "2408.00714v2" }],
    ["an empty title", { title: "" }],
    ["an unnormalised title", { title: " A  Title\n" }],
    ["a bad listing day", { listedOn: "2024-02-30" }],
    ["a null optional field", { version: null }],
    ["version 0", { version: 0 }],
    ["negative upvotes", { upvotes: -1 }],
    ["an http GitHub link", { githubUrl: "http://github.com/foo/bar" }],
    ["a non-GitHub code link", { githubUrl: "https://gitlab.com/foo/bar" }],
    ["an unknown announce type", { announceType: "updated" }],
  ])("rejects %s", (_label, change) => {
    expect(ZNormalizedPaper.safeParse({ ...minimal, ...change }).success).toBe(false);
  });

  it("checks a whole parse result", () => {
    expect(ZParseResult.safeParse({ source: "text", papers: [minimal], errors: [{ index: 1, message: "bad" }] }).success).toBe(true);
    expect(ZParseResult.safeParse({ source: "nope", papers: [], errors: [] }).success).toBe(false);
  });
});
