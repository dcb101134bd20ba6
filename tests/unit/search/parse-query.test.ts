// A search box's text: its words, phrases and author: filters, and the arXiv id or paper link it may be instead.
import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "@/core/search";

describe("parseSearchQuery", () => {
  it("leaves a plain query alone", () => {
    expect(parseSearchQuery("  diffusion   transformers ")).toEqual({ text: "diffusion transformers", authors: [] });
    expect(parseSearchQuery("")).toEqual({ text: "", authors: [] });
  });

  it("reads a query that is one arXiv id or one link to a paper as that paper's id, and anything more as words", () => {
    for (const q of ["2401.12345", "arXiv:2401.12345v3", "https://arxiv.org/abs/2401.12345", "huggingface.co/papers/2401.12345", " 2401.12345 "]) {
      expect(parseSearchQuery(q), q).toEqual({ text: "", authors: [], arxivId: "2401.12345" });
    }
    expect(parseSearchQuery("hep-th/9901001v2")).toEqual({ text: "", authors: [], arxivId: "hep-th/9901001" });
    expect(parseSearchQuery("author:Hinton 2401.12345")).toEqual({ text: "", authors: [{ name: "Hinton", whole: false }], arxivId: "2401.12345" });
    expect(parseSearchQuery("2401.12345 diffusion")).toEqual({ text: "2401.12345 diffusion", authors: [] });
    expect(parseSearchQuery('"2401.12345"')).toEqual({ text: '"2401.12345"', authors: [] });
    expect(parseSearchQuery("2413.12345")).toEqual({ text: "2413.12345", authors: [] });
    expect(parseSearchQuery("https://example.com/papers/2401.12345")).toEqual({ text: "https://example.com/papers/2401.12345", authors: [] });
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

  it("reads angle brackets as spaces, as the search document does, so '<think>' is the word think", () => {
    expect(parseSearchQuery('"emit <think> tokens" <eos>')).toEqual({ text: '"emit think tokens" eos', authors: [] });
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
