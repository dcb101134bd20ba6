// The list filters travel in one path segment when the proxy rewrites a filtered list to its own cached path.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { feedViewSegment, parseFeedFilters, parseFeedView, serializeFeedFilters } from "@/core/search";

describe("feed view segments", () => {
  it("carry the filters there and back, whatever the characters", () => {
    const view = serializeFeedFilters({ category: "cs.CL", hasCode: true, minUpvotes: 10, sort: "top", cursor: "eyJ2Ijo1fQ==/+ü" });
    const segment = feedViewSegment(view);
    expect(segment).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseFeedView(segment)).toEqual(parseFeedFilters(Object.fromEntries(new URLSearchParams(view))));
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(parseFeedView(feedViewSegment(`cursor=${encodeURIComponent(text)}`))).toEqual(parseFeedFilters({ cursor: text }));
      }),
    );
  });

  it("carry a search query, its syntax and characters intact", () => {
    const q = 'author:"Ada Lovelace" "diffusion model" OR vidéo -noise/+%';
    const view = serializeFeedFilters({ q, sort: "new", cursor: "abc" });
    expect(parseFeedView(feedViewSegment(view))).toEqual(parseFeedFilters({ q, sort: "new", cursor: "abc" }));
  });

  it("report a segment nobody wrote as bad filters, never a throw", () => {
    for (const junk of ["%00", "a", "code=1", "====", "ab!c"]) expect(parseFeedView(junk).ok).toBe(false);
    expect(parseFeedView("")).toEqual({
      ok: true,
      value: { q: undefined, category: undefined, hasCode: false, minUpvotes: 0, sort: "trending", cursor: undefined },
    });
  });
});
