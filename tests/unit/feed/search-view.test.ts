// The search page's markup: its query box keeps the results' sort and filters, and an empty result suggests what to change.
import { load } from "cheerio";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SearchView } from "../../../src/components/search-view";
import type { TListFilters } from "../../../src/server/repo/papers";

const DEFAULTS: TListFilters = { q: undefined, category: undefined, hasCode: false, minUpvotes: 0, sort: "trending", cursor: undefined };

const render = (filters: Partial<TListFilters>, error?: string) =>
  load(renderToStaticMarkup(createElement(SearchView, { filters: { ...DEFAULTS, ...filters }, page: { papers: [], nextCursor: null }, error })));

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

  it("suggests what to change when nothing matched, with a link to the same search without its filters", () => {
    const $ = render({ q: "sparse mixture", hasCode: true, minUpvotes: 5, sort: "new" });
    const empty = $("[data-testid=empty-state]");
    expect(empty.find("p").first().text()).toBe("No papers match “sparse mixture”.");
    const hints = empty
      .find("li")
      .toArray()
      .map((li) => $(li).text());
    expect(hints).toHaveLength(3);
    expect(hints[0]).toMatch(/filters/);
    expect(hints[1]).toMatch(/fewer/);
    expect(hints[2]).toMatch(/author:/);
    expect(empty.find("li a").attr("href")).toBe("/search?q=sparse+mixture&sort=new");
  });

  it("offers no filter link when there are no filters", () => {
    const $ = render({ q: "zzzqqq" });
    expect($("[data-testid=empty-state] a").length).toBe(0);
    expect($("[data-testid=empty-state] li").text()).toMatch(/author:Name/);
  });

  it("suggests nothing beside a refused search's reason", () => {
    const $ = render({ q: "-video" }, "needs a word to search for");
    expect($("[role=alert]").text()).toBe("needs a word to search for");
    expect($("[data-testid=empty-state] li").length).toBe(0);
  });
});
