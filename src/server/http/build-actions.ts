// The App Router pages and server actions of the running build, read from Next's manifests, so the proxy can answer a post naming an
// action the build does not have (a page from an earlier deployment, or a forged id) itself: Next logs a stack trace for each.
import { readFileSync } from "node:fs";
import path from "node:path";
import { getConfig } from "../config";
import { logger } from "../logger";

export type TBuildActions = {
  /** Whether a path is an App Router page, where Next takes a posted form for a server action. */
  isAppPage: (pathname: string) => boolean;
  has: (actionId: string) => boolean;
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

/** Builds the check from the two manifests' contents; null when they are not what this Next writes. */
export function buildActionsFrom(appPathRoutes: unknown, serverReferences: unknown): TBuildActions | null {
  if (typeof appPathRoutes !== "object" || appPathRoutes === null || typeof serverReferences !== "object" || serverReferences === null) return null;
  const pages = Object.entries(appPathRoutes as Record<string, unknown>)
    .filter(([entry, route]) => entry.endsWith("/page") && typeof route === "string")
    .map(([, route]) => routePattern(route as string));
  const { node, edge } = serverReferences as { node?: object; edge?: object };
  const ids = new Set([...Object.keys(node ?? {}), ...Object.keys(edge ?? {})]);
  return { isAppPage: (pathname) => pages.some((page) => page.test(pathname)), has: (id) => ids.has(id) };
}

let loaded: TBuildActions | null | undefined;

/** This build's pages and actions, read once; null under `next dev`, which rewrites its manifests as it compiles pages, or unreadable ones. */
export function buildActions(): TBuildActions | null {
  if (loaded !== undefined) return loaded;
  const { NODE_ENV, NEXT_DIST_DIR } = getConfig();
  if (NODE_ENV !== "production") return (loaded = null);
  const dir = path.resolve(/*turbopackIgnore: true*/ NEXT_DIST_DIR);
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  try {
    loaded = buildActionsFrom(read("app-path-routes-manifest.json"), read(path.join("server", "server-reference-manifest.json")));
  } catch (err) {
    logger.warn({ err, dir }, "could not read this build's manifests: posts naming server actions go to Next unchecked");
    return (loaded = null);
  }
  if (!loaded) logger.warn({ dir }, "this build's manifests are not as expected: posts naming server actions go to Next unchecked");
  return loaded;
}
