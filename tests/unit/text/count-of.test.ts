// A count with its noun: singular for exactly one, digits grouped, so a card never reads "1 upvotes".
import { describe, expect, it } from "vitest";
import { countOf } from "@/core/text/count-of";

describe("countOf", () => {
  it("takes the singular for exactly one and the plural otherwise", () => {
    expect(countOf(1, "upvote")).toBe("1 upvote");
    expect([0, 2].map((n) => countOf(n, "upvote"))).toEqual(["0 upvotes", "2 upvotes"]);
    expect(countOf(1, "new paper")).toBe("1 new paper");
  });

  it("groups digits and takes an irregular plural", () => {
    expect(countOf(12_345, "star")).toBe("12,345 stars");
    expect(countOf(3, "entry", "entries")).toBe("3 entries");
  });
});
