// The App Router pages, route handlers, server actions and static pages of the running build, read from Next's manifests: the proxy
// answers a post naming an action the build does not have (a page from an earlier deployment, or a forged id) itself, since Next logs a
// stack trace for each, and the app's server leaves the methods of route handlers to them and refuses a post to a static page
// (src/server/http/serve-app.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { getConfig } from "../config";
import { logger } from "../logger";

export type TBuildRoutes = {
  /** Whether a path is an App Router page, where Next takes a posted form for a server action. */
  isAppPage: (pathname: string) => boolean;
  /**
   * Whether a path (as Next routes it: dot segments resolved, escapes decoded) is a statically regenerated Pages Router page or its data
   * route, which take GET and HEAD only. Next answers a POST to one with a text 405 naming Allow twice, or, for a body that might be a
   * server action (a form, or any body with a Next-Action header), renders the page afresh, past its cache.
   */
  isStaticPage: (pathname: string) => boolean;
  /** Whether a path is an App Router route handler (an API route, a feed, robots.txt, …), which answers for its own methods. */
  isRouteHandler: (pathname: string) => boolean;
  /**
   * Whether an action of this build is bound on the page a path is: Next runs an action posted to another page by forwarding the
   * request to that page over HTTP, to the Host the client sent, which a forged post turns into an aborted request and a stack trace.
   */
  hasAction: (actionId: string, pathname: string) => boolean;
};

/** A route as the manifest writes it (/subscription/[token]) as a pattern over request paths. */
function routePattern(route: string): RegExp {
  const segments = route
    .split("/")
    .filter(Boolean)
    .map((segment) => {
      if (/^\[\[\.\.\..+\]\]$/.test(segment)) return "(?:/.*)?";
      if (/^\[\.\.\..+\]$/.test(segment)) return "/.+";
      if (/^\[.+\]$/.test(segment)) return "/[^/]+";
      return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
    });
  return new RegExp(`^${segments.join("") || "/"}/?$`);
}

/**
 * The prerender manifest's static pages as the paths and patterns that serve them: each prerendered path and its data route
 * (`/_next/data/<build>/index.json`), each dynamic page's pattern and its data route's (Next's own regular expressions). Empty for a
 * manifest of another shape, so only the static-page check is lost.
 */
function staticPagesOf(prerender: unknown): { paths: Set<string>; patterns: RegExp[] } {
  const none = { paths: new Set<string>(), patterns: [] };
  if (typeof prerender !== "object" || prerender === null) return none;
  const { routes, dynamicRoutes } = prerender as { routes?: unknown; dynamicRoutes?: unknown };
  if (typeof routes !== "object" || routes === null || typeof dynamicRoutes !== "object" || dynamicRoutes === null) return none;
  const strings = (values: unknown[]) => values.filter((value): value is string => typeof value === "string");
  const prerendered = Object.entries(routes).flatMap(([path, route]) => [path, ...strings([(route as { dataRoute?: unknown } | null)?.dataRoute])]);
  const patterns = Object.values(dynamicRoutes).flatMap((route) => {
    const { routeRegex, dataRouteRegex } = (route ?? {}) as { routeRegex?: unknown; dataRouteRegex?: unknown };
    return strings([routeRegex, dataRouteRegex]);
  });
  return { paths: new Set(prerendered), patterns: patterns.map((pattern) => new RegExp(pattern)) };
}

/** Builds the checks from the three manifests' contents; null when they are not what this Next writes. */
export function buildRoutesFrom(appPathRoutes: unknown, serverReferences: unknown, prerender: unknown): TBuildRoutes | null {
  if (typeof appPathRoutes !== "object" || appPathRoutes === null || typeof serverReferences !== "object" || serverReferences === null) return null;
  const staticPages = staticPagesOf(prerender);
  const entries = Object.entries(appPathRoutes as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string");
  const patterns = (kind: string) => entries.filter(([entry]) => entry.endsWith(`/${kind}`)).map(([, route]) => routePattern(route));
  const [pages, handlers] = [patterns("page"), patterns("route")];
  const appRoutes = [...pages, ...handlers];
  const routeOf = new Map(entries);
  const { node, edge } = serverReferences as { node?: Record<string, unknown>; edge?: Record<string, unknown> };
  /** Each action's pages, from its workers ("app/subscription/[token]/page", the page's entry in the routes manifest after "app"). */
  const actionPages = new Map<string, RegExp[]>();
  for (const [id, action] of [...Object.entries(node ?? {}), ...Object.entries(edge ?? {})]) {
    const workers = typeof action === "object" && action !== null ? (action as { workers?: unknown }).workers : undefined;
    const entryNames = typeof workers === "object" && workers !== null ? Object.keys(workers).map((worker) => worker.replace(/^app(?=\/)/, "")) : [];
    const routes = entryNames.map((entry) => routeOf.get(entry)).filter((route) => route !== undefined);
    actionPages.set(id, [...(actionPages.get(id) ?? []), ...routes.map(routePattern)]);
  }
  return {
    isAppPage: (pathname) => pages.some((page) => page.test(pathname)),
    isStaticPage: (pathname) =>
      // An App Router page or route handler of the same address comes first (/papers/go before the paper page /papers/[id]).
      !appRoutes.some((route) => route.test(pathname)) &&
      (staticPages.paths.has(pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname) || staticPages.patterns.some((pattern) => pattern.test(pathname))),
    isRouteHandler: (pathname) => handlers.some((handler) => handler.test(pathname)),
    hasAction: (id, pathname) => actionPages.get(id)?.some((page) => page.test(pathname)) ?? false,
  };
}

let loaded: TBuildRoutes | null | undefined;

/** This build's routes and actions, read once; null under `next dev`, which rewrites its manifests as it compiles pages, or unreadable ones. */
export function buildRoutes(): TBuildRoutes | null {
  if (loaded !== undefined) return loaded;
  const { NODE_ENV, NEXT_DIST_DIR } = getConfig();
  if (NODE_ENV !== "production") return (loaded = null);
  const dir = path.resolve(/*turbopackIgnore: true*/ NEXT_DIST_DIR);
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  let prerender: unknown = null;
  try {
    prerender = read("prerender-manifest.json");
  } catch (err) {
    logger.warn({ err, dir }, "could not read this build's prerender manifest: Next answers posts to the cached pages unchecked");
  }
  try {
    loaded = buildRoutesFrom(read("app-path-routes-manifest.json"), read(path.join("server", "server-reference-manifest.json")), prerender);
  } catch (err) {
    logger.warn({ err, dir }, "could not read this build's manifests: Next answers unknown server actions and route handlers' methods unchecked");
    return (loaded = null);
  }
  if (!loaded) logger.warn({ dir }, "this build's manifests are not as expected: Next answers unknown server actions and route handlers' methods unchecked");
  return loaded;
}
