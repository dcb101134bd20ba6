// The search page's markup: its query box keeps the results' sort and filters.
import { load } from "cheerio";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SearchView } from "../../../src/components/search-view";
import type { TListFilters } from "../../../src/server/repo/papers";

const DEFAULTS: TListFilters = { q: undefined, category: undefined, hasCode: false, minUpvotes: 0, sort: "trending", cursor: undefined };

const render = (filters: Partial<TListFilters>) =>
  load(renderToStaticMarkup(createElement(SearchView, { filters: { ...DEFAULTS, ...filters }, page: { papers: [], nextCursor: null } })));

const hiddenFields = ($: ReturnType<typeof render>) =>
  $('form[aria-label="Papers"] input[type=hidden]')
    .toArray()
    .map((input) => [$(input).attr("name"), $(input).attr("value")]);

describe("SearchView", () => {
  it("keeps the sort and filters, but not the cursor, when a new query is submitted", () => {
    const $ = render({ q: "agents", category: "cs.CL", hasCode: true, minUpvotes: 5, sort: "new", cursor: "eyJ2IjoxfQ" });
    expect(hiddenFields($)).toEqual([
      ["cat", "cs.CL"],
      ["code", "1"],
      ["min", "5"],
      ["sort", "new"],
    ]);
    expect($('form[aria-label="Papers"] [name=cursor]').length).toBe(0);
  });

  it("adds no hidden field for a default", () => {
    expect(hiddenFields(render({ q: "agents" }))).toEqual([]);
    expect(hiddenFields(render({ q: "agents", sort: "top" }))).toEqual([["sort", "top"]]);
  });
});
