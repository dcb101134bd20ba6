// The links found in a paper's free text, as the site links them, with the text kept whole, on ordinary and very long input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { textLinks } from "@/core/text/text-links";

const links = (text: string) => textLinks(text).flatMap((part) => (part.href ? [part.href] : []));

describe("textLinks", () => {
  it.each([
    ["Code: https://github.com/v18nguye/GLAD.", ["https://github.com/v18nguye/GLAD"]],
    ["(code at https://x.org/a_b) and http://y.org/p?q=1&r=2, too", ["https://x.org/a_b", "http://y.org/p?q=1&r=2"]],
    ["https://en.wikipedia.org/wiki/Set_(mathematics).", ["https://en.wikipedia.org/wiki/Set_(mathematics)"]],
    ["[https://x.org/a]", ["https://x.org/a"]],
    ["see HTTPS://X.ORG/A!", ["HTTPS://X.ORG/A"]],
    ["no address here, nor in https:// alone or ftp://x.org", []],
    ['a "quoted https://q.org/x" address', ["https://q.org/x"]],
    ["see “https://x.org/a”. And (https://x.org/b)… too", ["https://x.org/a", "https://x.org/b"]],
    ["链接：https://github.com/a/b。我们", ["https://github.com/a/b"]],
    ["not a URL: https://exa[mple.org/x, nor https://x.org:99999/a; but https://x.org/ok", ["https://x.org/ok"]],
  ])("%s", (text, expected) => {
    expect(links(text)).toEqual(expected);
  });

  it("gives the text back whole, the links in their places", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.webUrl(), fc.constantFrom(" ", ".", ")", "(", "https://"))), (pieces) => {
        const text = pieces.join("");
        expect(
          textLinks(text)
            .map((part) => part.text)
            .join(""),
        ).toBe(text);
        for (const part of textLinks(text)) if (part.href) expect(part.href).toBe(part.text);
      }),
    );
  });
});

describe("textLinks on long input", () => {
  it("reads an address followed by a hundred thousand brackets, each looked at once (re-counting them per bracket took minutes)", () => {
    expect(links(`see https://x.org/a${")".repeat(100_000)}.`)).toEqual(["https://x.org/a"]);
    expect(links(`see https://x.org/${"(".repeat(50_000)}${")".repeat(50_001)}`)).toEqual([`https://x.org/${"(".repeat(50_000)}${")".repeat(50_000)}`]);
  });
});
