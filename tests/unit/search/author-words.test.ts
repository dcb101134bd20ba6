// An author filter's indexed words, and the readings of a search's names that estimate it one word per name.
import { describe, expect, it } from "vitest";
import { authorWords, isOneWordName, oneWordPerName } from "../../../src/core/search";

describe("authorWords", () => {
  it("takes a quoted name's words whole and a bare name's as prefixes, lower-cased, each once", () => {
    expect(authorWords({ name: "Ada Lovelace", whole: true })).toEqual(["ada", "lovelace"]);
    expect(authorWords({ name: "Ada Lovel", whole: false })).toEqual(["ada:*", "lovel:*"]);
    expect(authorWords({ name: "Kai Liu Kai LIU", whole: true })).toEqual(["kai", "liu"]);
    expect(authorWords({ name: "O'Neil-Smith, Jr.", whole: true })).toEqual(["o", "neil", "smith", "jr"]);
    expect(authorWords({ name: "%%% ---", whole: true })).toEqual([]);
  });
});

describe("isOneWordName", () => {
  it("is a name its one indexed word says all of: letters and digits, no space or punctuation", () => {
    for (const name of ["Lovelace", "lovel", "Zhang3", "Łukasz", "王伟"]) expect(isOneWordName({ name, whole: false }), name).toBe(true);
    for (const name of ["Ada Lovelace", "O'Neil", "Wei-Chen", "Smith,", "%", ""]) expect(isOneWordName({ name, whole: true }), name).toBe(false);
  });
});

describe("oneWordPerName", () => {
  it("gives every choice of one word from each name", () => {
    expect(oneWordPerName([["kai", "liu"]], 8)).toEqual([["kai"], ["liu"]]);
    expect(oneWordPerName([["a", "b"], ["c"]], 8)).toEqual([
      ["a", "c"],
      ["b", "c"],
    ]);
    expect(oneWordPerName([], 8)).toEqual([[]]);
  });

  it("gives none past the limit, without building them (a query of a dozen four-word names would be 16.7 million)", () => {
    expect(
      oneWordPerName(
        [
          ["a", "b", "c"],
          ["d", "e", "f"],
        ],
        8,
      ),
    ).toBeNull();
    const names = Array.from({ length: 40 }, (_, i) => [`a${i}`, `b${i}`, `c${i}`, `d${i}`]);
    expect(oneWordPerName(names, 8)).toBeNull();
  });
});
