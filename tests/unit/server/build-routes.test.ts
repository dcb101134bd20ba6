// The build's routes as the app's server and the proxy read them from Next's manifests: which paths are App Router pages, which are
// route handlers, and which server actions exist.
import { describe, expect, it } from "vitest";
import { buildRoutesFrom } from "../../../src/server/http/build-routes";

const routes = buildRoutesFrom(
  {
    "/admin/page": "/admin",
    "/subscription/[token]/page": "/subscription/[token]",
    "/docs/[[...slug]]/page": "/docs/[[...slug]]",
    "/feed.xml/route": "/feed.xml",
    "/feeds/[token]/feed.xml/route": "/feeds/[token]/feed.xml",
    "/files/[...path]/route": "/files/[...path]",
    "/papers/go/route": "/papers/go",
  },
  {
    node: { ["40" + "a".repeat(40)]: { workers: { "app/admin/page": {}, "app/subscription/[token]/page": {} } } },
    edge: { ["60" + "b".repeat(40)]: { workers: { "app/docs/[[...slug]]/page": {} } } },
    encryptionKey: "k",
  },
  // As Next 16 writes it: prerendered paths, and a pattern per dynamic page regenerated on demand.
  {
    version: 4,
    routes: { "/": { dataRoute: "/_next/data/b1/index.json" }, "/subscribe": { dataRoute: "/_next/data/b1/subscribe.json" } },
    dynamicRoutes: {
      "/papers/[id]": { routeRegex: "^/papers/([^/]+?)(?:/)?$", dataRouteRegex: "^/_next/data/b1/papers/([^/]+?)\\.json$" },
      "/trending/[view]": { routeRegex: "^/trending/([^/]+?)(?:/)?$" },
    },
    notFoundRoutes: [],
  },
)!;

describe("buildRoutesFrom", () => {
  it("tells App Router pages by their routes, dynamic segments matching one segment and optional catch-alls any number", () => {
    for (const path of ["/admin", "/admin/", "/subscription/tok-1", "/docs", "/docs/a/b"]) expect(routes.isAppPage(path), path).toBe(true);
    for (const path of ["/admin/papers", "/subscription", "/subscription/a/b", "/feed.xml", "/", "/adminx"]) expect(routes.isAppPage(path), path).toBe(false);
  });

  it("tells route handlers apart from pages, a dot in a route matching only a dot", () => {
    for (const path of ["/feed.xml", "/feeds/abc/feed.xml", "/files/a/b.png"]) expect(routes.isRouteHandler(path), path).toBe(true);
    for (const path of ["/feedxxml", "/feeds/a/b/feed.xml", "/files", "/admin"]) expect(routes.isRouteHandler(path), path).toBe(false);
  });

  it("knows the actions of either runtime on the pages they are bound to, and nothing else", () => {
    expect(routes.hasAction("40" + "a".repeat(40), "/admin")).toBe(true);
    expect(routes.hasAction("40" + "a".repeat(40), "/subscription/tok-1")).toBe(true);
    expect(routes.hasAction("60" + "b".repeat(40), "/docs/a/b")).toBe(true);
    // Another page of the build: Next would forward the post to a page that has it, over HTTP.
    expect(routes.hasAction("40" + "a".repeat(40), "/docs")).toBe(false);
    expect(routes.hasAction("60" + "b".repeat(40), "/admin")).toBe(false);
    expect(routes.hasAction("40" + "c".repeat(40), "/admin")).toBe(false);
    expect(routes.hasAction("encryptionKey", "/admin")).toBe(false);
  });

  it("tells the static pages, prerendered or regenerated on demand, from the pages that take posts", () => {
    for (const path of [
      "/",
      "/subscribe",
      "/subscribe/",
      "/papers/2401.00001",
      "/trending/c29ydD1uZXc",
      "/_next/data/b1/index.json",
      "/_next/data/b1/papers/2401.00001.json",
    ]) {
      expect(routes.isStaticPage(path), path).toBe(true);
    }
    for (const path of ["/subscribe/submit", "/admin", "/papers/a/b", "/papers/go", "/feed.xml", "/unknown"])
      expect(routes.isStaticPage(path), path).toBe(false);
  });

  it("is null for route and action manifests that are not what Next writes", () => {
    const prerender = { routes: {}, dynamicRoutes: {} };
    expect(buildRoutesFrom(null, {}, prerender)).toBeNull();
    expect(buildRoutesFrom({}, "x", prerender)).toBeNull();
    // A prerender manifest of another shape loses only the static pages, not the action and method checks.
    for (const other of [null, { routes: {} }, { routes: {}, dynamicRoutes: { "/x/[y]": {} } }]) {
      const partial = buildRoutesFrom({ "/admin/page": "/admin" }, {}, other);
      expect([partial?.isAppPage("/admin"), partial?.isStaticPage("/")]).toEqual([true, false]);
    }
  });
});
