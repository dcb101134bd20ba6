// What an empty search suggests is read off its query and filters alone, so the empty page costs no query more.
import { describe, expect, it } from "vitest";
import { noMatchHints } from "@/core/search";

const search = (q: string, more: { category?: string; hasCode?: boolean; minUpvotes?: number } = {}) =>
  noMatchHints({ q, category: undefined, hasCode: false, minUpvotes: 0, ...more });

describe("noMatchHints", () => {
  it("suggests fewer words for several, and author: syntax when the query has no author filter", () => {
    expect(search("zzzqqq")).toEqual(["author-syntax"]);
    expect(search("sparse mixture routing")).toEqual(["fewer-words", "author-syntax"]);
    // Excluded words and OR alternatives are not words to take out: OR already widens the search.
    expect(search("diffusion -video")).toEqual(["author-syntax"]);
    expect(search("diffusion OR flow")).toEqual(["author-syntax"]);
    // As websearch_to_tsquery reads them: "or" in any case is OR, a stopword is no word, an excluded phrase is left out whole.
    expect(search("diffusion or flow")).toEqual(["author-syntax"]);
    expect(search("the transformer")).toEqual(["author-syntax"]);
    expect(search('-"foo bar" baz')).toEqual(["author-syntax"]);
  });

  it("suggests dropping a phrase's quotes, and checking a name the query filters by", () => {
    expect(search('"sparse attention"')).toEqual(["fewer-words", "drop-quotes", "author-syntax"]);
    expect(search("author:Lovelace")).toEqual(["check-author"]);
    expect(search('author:"Ada Lovelace" engines')).toEqual(["check-author"]);
  });

  it("puts the filters first when any is set, and is all an arXiv id gets besides its link", () => {
    expect(search("agents", { hasCode: true })).toEqual(["without-filters", "author-syntax"]);
    expect(search("agents", { category: "cs.CL" })[0]).toBe("without-filters");
    expect(search("agents", { minUpvotes: 5 })[0]).toBe("without-filters");
    expect(search("2401.12345")).toEqual([]);
    expect(search("arXiv:2401.12345", { minUpvotes: 5 })).toEqual(["without-filters"]);
  });
});
