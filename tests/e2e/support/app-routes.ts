// The app's pages and route handlers as found on disk (src/app, src/pages), so the sweeps cover a new route without being told about it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * A page or route: `path` keeps dynamic segments as written ("/papers/[id]"); `methods` are the HTTP methods it answers;
 * `readsQuery` is false when its file never looks at the query string (no searchParams, request.url or req.query).
 */
export type TAppEntry = { file: string; path: string; kind: "page" | "route"; methods: string[]; readsQuery: boolean };

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const source = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

function exportedMethods(file: string): string[] {
  return METHODS.filter((m) => new RegExp(`export\\s+(const|async\\s+function|function)\\s+${m}\\b`).test(source(file)));
}

const readsQuery = (file: string) => /searchParams|request\.url|req\.query/.test(source(file));

/** src/app/(group)/papers/[id]/page.tsx → /papers/[id]; route groups are not part of the URL. */
function urlPath(segments: string[]): string {
  return "/" + segments.filter((s) => s && !/^\(.*\)$/.test(s)).join("/");
}

function appRouterEntries(): TAppEntry[] {
  return walk("src/app").flatMap((file): TAppEntry[] => {
    const segments = path.relative("src/app", path.dirname(file)).split(path.sep);
    const name = path.basename(file);
    const entry = { file, readsQuery: readsQuery(file) };
    if (/^page\.tsx?$/.test(name)) return [{ ...entry, path: urlPath(segments), kind: "page", methods: ["GET", "POST"] }];
    if (name === "route.ts") return [{ ...entry, path: urlPath(segments), kind: "route", methods: exportedMethods(file) }];
    return [];
  });
}

/** Pages whose query string src/server/http/cached-views.ts reads (the list filters, a search), rewriting it into a path segment the page never sees as a query. */
const PROXY_READS_QUERY = /^\/(?:papers\/(?:date|week|month)\/.*|search)?$/;

/** src/pages/index.tsx → /, src/pages/api/x.ts → /api/x (a Pages API route answers every method); _app and _document are not routes. */
function pagesRouterEntries(): TAppEntry[] {
  return walk("src/pages")
    .filter((file) => !path.basename(file).startsWith("_"))
    .map((file) => {
      const segments = path
        .relative("src/pages", file)
        .replace(/\.tsx?$/, "")
        .split(path.sep);
      if (segments.at(-1) === "index") segments.pop();
      const api = segments[0] === "api";
      const url = urlPath(segments);
      return {
        file,
        path: url,
        kind: api ? "route" : "page",
        methods: api ? ["GET", "POST"] : ["GET"],
        readsQuery: readsQuery(file) || PROXY_READS_QUERY.test(url),
      };
    });
}

export function appEntries(): TAppEntry[] {
  return [...appRouterEntries(), ...pagesRouterEntries()];
}

/** The catch-all under /api/ (src/app/api/[...path]/route.ts): a JSON 404 for any address no route has, whatever the method. */
export const UNKNOWN_API_ROUTE = "/api/[...path]";

export const isAdminPath = (p: string) => /^\/(api\/)?admin(\/|$)/.test(p);

/** The URL with every dynamic segment ([id], [...slug]) replaced by `value`, which is inserted as written (already URL-encoded). */
export function fillSegments(p: string, value: string): string {
  return p.replace(/\[\[?(\.\.\.)?[^\]]+\]\]?/g, value);
}
