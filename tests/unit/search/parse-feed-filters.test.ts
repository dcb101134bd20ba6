// A list's filters in its address (sort, category, code, minimum upvotes, query, cursor): read, refused with a reason, and written back canonically.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseFeedFilters, serializeFeedFilters, type TFeedFilters } from "@/core/search";

const defaults = { q: undefined, category: undefined, hasCode: false, minUpvotes: 0, sort: "trending", cursor: undefined };

describe("parseFeedFilters", () => {
  it("gives defaults for an empty URL", () => {
    expect(parseFeedFilters({})).toEqual({ ok: true, value: defaults });
  });

  it("reads every filter", () => {
    expect(parseFeedFilters({ q: " llm agents ", cat: "cs.CL", code: "1", min: "25", sort: "top", cursor: "eyJpZCI6MTJ9" })).toEqual({
      ok: true,
      value: { q: "llm agents", category: "cs.CL", hasCode: true, minUpvotes: 25, sort: "top", cursor: "eyJpZCI6MTJ9" },
    });
  });

  it("accepts arXiv categories of every shape", () => {
    for (const cat of ["cs.CL", "stat.ML", "q-bio.NC", "cond-mat.mes-hall", "hep-th", "astro-ph.GA", "physics.optics"]) {
      expect(parseFeedFilters({ cat })).toMatchObject({ ok: true, value: { category: cat } });
    }
  });

  it("uses the first of repeated values, treats empty ones as absent and ignores unknown ones", () => {
    expect(parseFeedFilters({ sort: ["new", "top"], cat: "", min: undefined, utm_source: "mail" })).toEqual({
      ok: true,
      value: { ...defaults, sort: "new" },
    });
  });

  it.each([
    [{ cat: "cs.CL; drop table" }, 'Invalid "cat"'],
    [{ cat: "CS.CL" }, 'Invalid "cat"'],
    [{ min: "-1" }, 'Invalid "min"'],
    [{ min: "1.5" }, 'Invalid "min"'],
    [{ min: "100001" }, 'Invalid "min"'],
    [{ min: "abc" }, 'Invalid "min"'],
    [{ sort: "random" }, 'Invalid "sort"'],
    [{ code: "yes" }, 'Invalid "code"'],
    [{ q: "x".repeat(301) }, 'Invalid "q"'],
    [{ cursor: "a\u0000b" }, 'Invalid "cursor"'],
    [{ q: "graph\u0000" }, 'Invalid "q"'],
    [{ q: "a\u001bb" }, 'Invalid "q"'],
  ])("rejects %o naming the parameter", (params, prefix) => {
    const result = parseFeedFilters(params);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.startsWith(prefix)).toBe(true);
  });

  it("explains what a valid value looks like", () => {
    expect(parseFeedFilters({ min: "100001" })).toEqual({ ok: false, message: 'Invalid "min": must be a whole number from 0 to 100000' });
    expect(parseFeedFilters({ sort: "x" })).toEqual({ ok: false, message: 'Invalid "sort": must be one of trending, new, top' });
  });

  it("refuses control characters in q (PostgreSQL text cannot hold NUL) but keeps tabs and line breaks as spaces do", () => {
    expect(parseFeedFilters({ q: "a\u0000b" })).toEqual({ ok: false, message: 'Invalid "q": must not contain control characters or lone surrogates' });
    expect(parseFeedFilters({ q: "graph\tnets" })).toMatchObject({ ok: true, value: { q: "graph\tnets" } });
  });

  it("refuses a q that names nothing to look for (`author:` with no name), which would list every paper as if it had matched", () => {
    const refused = { ok: false, message: 'Invalid "q": author: needs a name, as in author:Hinton or author:"Geoffrey Hinton"' };
    for (const q of ["author:", "author: ", 'author:""', "author: AUTHOR:"]) expect(parseFeedFilters({ q })).toEqual(refused);
    expect(parseFeedFilters({ q: "author: diffusion" })).toMatchObject({ ok: true, value: { q: "author: diffusion" } });
    expect(parseFeedFilters({ q: "author:Hinton" })).toMatchObject({ ok: true });
    expect(parseFeedFilters({ q: "   " })).toMatchObject({ ok: true, value: { q: undefined } });
  });

  it("refuses an author: name of punctuation alone, which has no word for the index to find", () => {
    for (const q of ["author:\\", 'author:"!?"', "graph author:--"]) {
      expect(parseFeedFilters({ q })).toEqual({ ok: false, message: 'Invalid "q": author: needs a name with letters, as in author:Hinton' });
    }
    expect(parseFeedFilters({ q: "author:O'Brien" })).toMatchObject({ ok: true });
  });

  it("refuses a q of angle brackets alone, which search reads as spaces, saying what it needs rather than asking for an author's name", () => {
    for (const q of ["<", "<>", " < > ", "<<<"]) {
      expect(parseFeedFilters({ q })).toEqual({ ok: false, message: 'Invalid "q": needs a word, author:Name or an arXiv id to look for' });
    }
    expect(parseFeedFilters({ q: "<think> tokens" })).toMatchObject({ ok: true });
  });

  it("accepts the bounds of min", () => {
    expect(parseFeedFilters({ min: "0" })).toMatchObject({ ok: true, value: { minUpvotes: 0 } });
    expect(parseFeedFilters({ min: "100000" })).toMatchObject({ ok: true, value: { minUpvotes: 100_000 } });
  });
});

describe("serializeFeedFilters", () => {
  it("omits defaults", () => {
    expect(serializeFeedFilters({})).toBe("");
    expect(serializeFeedFilters({ hasCode: false, minUpvotes: 0, sort: "trending", q: "  " })).toBe("");
  });

  it("writes keys in one canonical order whatever the input order", () => {
    const a = serializeFeedFilters({ cursor: "c1", sort: "new", minUpvotes: 5, hasCode: true, category: "cs.LG", q: "graph nets" });
    const b = serializeFeedFilters({ q: "graph nets", category: "cs.LG", hasCode: true, minUpvotes: 5, sort: "new", cursor: "c1" });
    expect(a).toBe("q=graph+nets&cat=cs.LG&code=1&min=5&sort=new&cursor=c1");
    expect(b).toBe(a);
  });

  it("round-trips through parseFeedFilters", () => {
    const filters = fc.record({
      q: fc.option(
        fc
          .string({ minLength: 1, maxLength: 40 })
          .map((s) => s.trim())
          .filter((s) => s !== "" && !/\p{Cc}/u.test(s)),
        { nil: undefined },
      ),
      category: fc.option(fc.constantFrom("cs.CL", "stat.ML", "hep-th", "cond-mat.mes-hall"), { nil: undefined }),
      hasCode: fc.boolean(),
      minUpvotes: fc.integer({ min: 0, max: 100_000 }),
      sort: fc.constantFrom("trending" as const, "new" as const, "top" as const),
      cursor: fc.option(
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => !/\p{Cc}/u.test(s)),
        { nil: undefined },
      ),
    });
    fc.assert(
      fc.property(filters, (value: TFeedFilters) => {
        const query = serializeFeedFilters(value);
        const params = Object.fromEntries(new URLSearchParams(query));
        expect(parseFeedFilters(params)).toEqual({ ok: true, value });
      }),
    );
  });
});
