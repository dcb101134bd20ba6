// The search's marks: stemmed words, a hyphenated word's parts, signed numbers, stopwords and addresses, as PostgreSQL reads them
// (tests/integration/highlight-matches.test.ts holds them to ts_headline itself on captured listings).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import "../property-seed";
import { highlighterFor } from "../../../src/core/search";
import { queryLexemes } from "../../../src/core/search/read-tsquery";

const tsquery = (lexemes: string[]) => lexemes.map((lexeme) => `'${lexeme}'`).join(" & ");
/** The title as the highlighter marks it (a title is marked whole), with [ and ] for the marks. */
const mark = (text: string, ...lexemes: string[]) =>
  highlighterFor(tsquery(lexemes))({ title: text, abstract: "" })
    .title.replace(/\u0002/g, "[")
    .replace(/\u0003/g, "]");

describe("the highlighter's marks", () => {
  it("marks every inflection of a stemmed word and leaves the rest of the text as it was", () => {
    expect(mark("Models model  the modelling of Vision's models.", "model", "vision")).toBe("[Models] [model]  the [modelling] of [Vision]'s [models].");
  });

  it("marks a hyphenated word's parts, and reads a hyphen before digits as a sign", () => {
    expect(mark("vision-language GPT-4o gpt-4 LLaMA-2-7B", "vision", "languag", "4o", "-4", "b")).toBe("[vision]-[language] GPT-[4o] gpt[-4] LLaMA-2-7[B]");
  });

  it("never marks a stopword, inside an address, or a word joined to others by dots or slashes", () => {
    expect(mark("further https://github.com/x/model a@model.org e.g. model/data model.", "further", "model", "e.g")).toBe(
      "further https://github.com/x/model a@model.org [e.g]. model/data [model].",
    );
  });

  it("copies the text when the query has no lexemes", () => {
    expect(mark("Anything at all")).toBe("Anything at all");
  });
});

describe("highlighterFor", () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

  it("shows a long abstract's window from a little before its first match, cut at whole words with ellipses", () => {
    const abstract = `${filler(60)} the zebrafish swim faster. ${filler(80)}`;
    const { title, abstract: window } = highlighterFor("'zebrafish' & 'swim'")({ title: "Zebrafish swimming study", abstract });
    expect(title).toBe("\u0002Zebrafish\u0003 \u0002swimming\u0003 study");
    expect(window).toMatch(/^… word\d+ /);
    expect(window).toMatch(/ word\d+ …$/);
    expect(window).toContain("the \u0002zebrafish\u0003 \u0002swim\u0003 faster.");
    expect(window.length).toBeLessThanOrEqual(400 + 4);
    const lead = window.slice(2, window.indexOf("the \u0002zebrafish"));
    expect(lead.length).toBeLessThanOrEqual(120);
  });

  it("shows a short abstract whole, and a long one without a match from its start", () => {
    expect(highlighterFor("'protein' & 'structur'")({ title: "T", abstract: "A diffusion model generates protein structures." }).abstract).toBe(
      "A diffusion model generates \u0002protein\u0003 \u0002structures\u0003.",
    );
    const unmatched = highlighterFor("'absent'")({ title: "T", abstract: filler(200) }).abstract;
    expect(unmatched.startsWith("word0 word1")).toBe(true);
    expect(unmatched.endsWith(" …")).toBe(true);
  });
});

describe("the highlighter on hostile text", () => {
  it("reads texts that would make a backtracking tokenizer quadratic, and still marks what they hold", () => {
    for (const unit of ["a1-1-", "%", "a.", "1-", "x+", "-a"]) {
      const text = `${unit.repeat(Math.ceil(100_000 / unit.length))} model`;
      expect(mark(text, "model").endsWith("[model]")).toBe(true);
    }
  });
});

describe("queryLexemes", () => {
  it("reads every plain lexeme of a tsquery, negated and grouped ones too", () => {
    expect([...queryLexemes("'larg' <-> 'model' & !'video' | ( 'gpt' <-> '-4' )")]).toEqual(["larg", "model", "video", "gpt", "-4"]);
    expect([...queryLexemes("'it''s' & 'a\\\\b'")]).toEqual(["it's", "a\\b"]);
    expect(queryLexemes("").size).toBe(0);
  });
});

describe("the highlighter's two patterns", () => {
  // ASCII text is read with a pattern of ASCII classes, anything else with Unicode property classes: both must read it alike.
  const pieces = [
    "model",
    "Models",
    "vision",
    "language",
    "gpt",
    "4o",
    "2.5",
    "-4",
    "e.g",
    "x/y",
    "a@b.org",
    "https://m.io/model",
    "~b",
    "-",
    ".",
    "/",
    " ",
    "'s",
    "_",
    "%",
    "+",
    ":",
  ];
  it("marks ASCII text as it marks the same text beside a word of other letters", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const text = parts.join("");
        expect(`${mark(`${text} élan`, "model", "vision", "languag", "4o", "-4", "e.g")}`).toBe(
          `${mark(text, "model", "vision", "languag", "4o", "-4", "e.g")} élan`,
        );
      }),
    );
  });
});
