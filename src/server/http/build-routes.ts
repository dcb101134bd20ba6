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
   * Whether a path is a statically regenerated Pages Router page (the feed's cached pages), which takes GET and HEAD only. Next answers a
   * POST to one with a text 405 naming Allow twice, or, for a urlencoded form (which might be a server action), renders it afresh.
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

/** The prerender manifest's static pages: its prerendered paths, and a pattern (Next's own) per dynamic page. */
function staticPagesOf(prerender: unknown): { paths: Set<string>; patterns: RegExp[] } | null {
  if (typeof prerender !== "object" || prerender === null) return null;
  const { routes, dynamicRoutes } = prerender as { routes?: unknown; dynamicRoutes?: unknown };
  if (typeof routes !== "object" || routes === null || typeof dynamicRoutes !== "object" || dynamicRoutes === null) return null;
  const patterns = Object.values(dynamicRoutes).map((route) => (route as { routeRegex?: unknown }).routeRegex);
  if (!patterns.every((pattern) => typeof pattern === "string")) return null;
  return { paths: new Set(Object.keys(routes)), patterns: patterns.map((pattern) => new RegExp(pattern)) };
}

/** Builds the checks from the three manifests' contents; null when they are not what this Next writes. */
export function buildRoutesFrom(appPathRoutes: unknown, serverReferences: unknown, prerender: unknown): TBuildRoutes | null {
  if (typeof appPathRoutes !== "object" || appPathRoutes === null || typeof serverReferences !== "object" || serverReferences === null) return null;
  const staticPages = staticPagesOf(prerender);
  if (!staticPages) return null;
  const entries = Object.entries(appPathRoutes as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === "string");
  const patterns = (kind: string) => entries.filter(([entry]) => entry.endsWith(`/${kind}`)).map(([, route]) => routePattern(route));
  const [pages, handlers] = [patterns("page"), patterns("route")];
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
      ![...pages, ...handlers].some((route) => route.test(pathname)) &&
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
  try {
    loaded = buildRoutesFrom(
      read("app-path-routes-manifest.json"),
      read(path.join("server", "server-reference-manifest.json")),
      read("prerender-manifest.json"),
    );
  } catch (err) {
    logger.warn({ err, dir }, "could not read this build's manifests: Next answers unknown server actions and route handlers' methods unchecked");
    return (loaded = null);
  }
  if (!loaded) logger.warn({ dir }, "this build's manifests are not as expected: Next answers unknown server actions and route handlers' methods unchecked");
  return loaded;
}
