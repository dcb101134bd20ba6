import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "@/core/search";

describe("parseSearchQuery", () => {
  it("leaves a plain query alone", () => {
    expect(parseSearchQuery("  diffusion   transformers ")).toEqual({ text: "diffusion transformers", authors: [] });
    expect(parseSearchQuery("")).toEqual({ text: "", authors: [] });
  });

  it("extracts author filters, bare (word prefixes) or quoted (whole words), with the key in any case", () => {
    expect(parseSearchQuery('author:Hinton capsules AUTHOR:"Yann LeCun" Author:bengio')).toEqual({
      text: "capsules",
      authors: [
        { name: "Hinton", whole: false },
        { name: "Yann LeCun", whole: true },
        { name: "bengio", whole: false },
      ],
    });
  });

  it("keeps phrases, OR and exclusions in the text untouched", () => {
    expect(parseSearchQuery('"large language model" OR llm -survey author:"Percy  Liang"')).toEqual({
      text: '"large language model" OR llm -survey',
      authors: [{ name: "Percy Liang", whole: true }],
    });
  });

  it("does not pull author: out of a quoted phrase, a longer word or an exclusion", () => {
    expect(parseSearchQuery('"author:smith et al" coauthor:x -author:doe')).toEqual({
      text: '"author:smith et al" coauthor:x -author:doe',
      authors: [],
    });
  });

  it("tolerates an unclosed quote (a name still being typed, so not whole) and an empty filter", () => {
    expect(parseSearchQuery('rag author:"Jane Doe')).toEqual({ text: "rag", authors: [{ name: "Jane Doe", whole: false }] });
    expect(parseSearchQuery('author: rag author:""')).toEqual({ text: "rag", authors: [] });
    expect(parseSearchQuery('"unclosed phrase')).toEqual({ text: '"unclosed phrase', authors: [] });
  });

  it("deduplicates authors case-insensitively and keeps unicode names", () => {
    expect(parseSearchQuery("author:Müller author:müller author:Łukasz")).toEqual({
      text: "",
      authors: [
        { name: "Müller", whole: false },
        { name: "Łukasz", whole: false },
      ],
    });
  });
});
