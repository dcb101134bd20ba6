// The proxy rewrites what the app's server did not (`next dev`, which has no such server, and posts): the same variant path, through
// the one function both use, with the same 400 mark for filters that do not parse.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { feedViewSegment } from "../../src/core/search";
import { PAGE_STATUS_HEADER } from "../../src/server/http/page-status";

describe("the proxy's variant paths", () => {
  it("rewrites a variant to its own path, marks bad filters for a 400, and lets a page without variants through", async () => {
    const { proxy } = await import("../../src/proxy");
    const newest = await proxy(new NextRequest("http://app.test/?sort=new&utm_source=mail"));
    expect(newest.headers.get("x-middleware-rewrite")).toBe(`http://app.test/trending/${feedViewSegment("sort=new")}`);
    expect(newest.headers.get(PAGE_STATUS_HEADER)).toBeNull();
    const bad = await proxy(new NextRequest("http://app.test/papers/date/2026-05-01?min=lots"));
    expect(bad.headers.get("x-middleware-rewrite")).toBe(`http://app.test/papers/date/2026-05-01/${feedViewSegment("min=lots")}`);
    expect(bad.headers.get(PAGE_STATUS_HEADER)).toBe("400");
    const plain = await proxy(new NextRequest("http://app.test/search"));
    expect(plain.headers.get("x-middleware-rewrite")).toBeNull();
    expect(plain.headers.get("x-middleware-next")).toBe("1");
  });
});
