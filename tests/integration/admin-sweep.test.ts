// Every admin page, route handler and server action, found on disk, refuses an anonymous caller by itself (the proxy is a second wall, swept in tests/e2e/admin-sweep.spec.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { resetDb, testDatabaseUrl, testDb } from "./helpers/db";
import { ROOT } from "./helpers/run-script";

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
/** The only admin entry points open to anonymous callers: the sign-in page and its action. */
const PUBLIC_PAGES = new Set(["src/app/admin/login/page.tsx"]);
const PUBLIC_ACTIONS = new Set(["src/app/admin/login/actions.ts#signInAction"]);

function walk(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const adminFiles = [...walk("src/app/admin"), ...walk("src/app/api/admin")].filter((f) => /\.(ts|tsx)$/.test(f));
const pages = adminFiles.filter((f) => /\/page\.tsx?$/.test(f));
const routes = adminFiles.filter((f) => /\/route\.ts$/.test(f));
const actionFiles = adminFiles.filter((f) => /^\s*["']use server["']/m.test(readFileSync(path.join(ROOT, f), "utf8")));

const load = (file: string): Promise<Record<string, unknown>> => import(pathToFileURL(path.join(ROOT, file)).href);
const db = testDb();

beforeAll(async () => {
  process.env.DATABASE_URL = testDatabaseUrl();
  process.env.ADMIN_TOKEN ??= "sweep-admin-token-0123456789";
  process.env.APP_SECRET ??= "sweep-app-secret-0123456789abcdef";
  process.env.CRON_SECRET ??= "sweep-cron-secret-0123456789";
  await resetDb(db);
});

describe("admin surface found on disk", () => {
  it("includes the known pages, routes and actions (so the sweep is not vacuous)", () => {
    expect(pages).toEqual(expect.arrayContaining(["src/app/admin/page.tsx", "src/app/admin/papers/page.tsx", "src/app/admin/login/page.tsx"]));
    expect(routes).toContain("src/app/api/admin/subscribers.csv/route.ts");
    expect(actionFiles).toEqual(
      expect.arrayContaining([
        "src/app/admin/actions.ts",
        "src/app/admin/papers/actions.ts",
        "src/app/admin/digests/actions.ts",
        "src/app/admin/login/actions.ts",
      ]),
    );
  });
});

describe("anonymous calls are refused by each handler itself", () => {
  it.each(routes)("route %s answers 401 for every method it takes, and refuses the others to everyone", async (file) => {
    const mod = await load(file);
    const methods = HTTP_METHODS.filter((m) => typeof mod[m] === "function");
    const taken: string[] = [];
    for (const method of methods) {
      const handler = mod[method] as (req: Request, ctx: unknown) => Promise<Response>;
      const res = await handler(new Request("http://localhost/api/admin/x", { method }), { params: Promise.resolve({ id: "1" }) });
      // otherMethods (src/server/http/respond.ts): a method the route does not take is 405 for everyone, and OPTIONS lists the ones it takes.
      const allow = res.headers.get("allow")?.split(", ") ?? [];
      if (method === "OPTIONS" && res.status === 204) continue;
      if (res.status === 405) {
        expect(allow, `${method} ${file}`).not.toContain(method);
        continue;
      }
      expect(res.status, `${method} ${file}`).toBe(401);
      taken.push(method);
    }
    expect(taken.length, file).toBeGreaterThan(0);
  });

  it.each(actionFiles)("server actions in %s send an anonymous caller to /admin/login and write nothing", async (file) => {
    const mod = await load(file);
    const actions = Object.entries(mod).filter(([name, v]) => typeof v === "function" && !PUBLIC_ACTIONS.has(`${file}#${name}`));
    if (file === "src/app/admin/login/actions.ts") expect(actions).toEqual([]);
    else expect(actions.length).toBeGreaterThan(0);
    for (const [name, action] of actions) {
      const form = new FormData();
      form.set("id", "1");
      form.set("hidden", "true");
      form.set("to", "someone@example.org");
      form.set("body", "x");
      const err = await (action as (f: FormData) => Promise<unknown>)(form).then(
        () => null,
        (e: unknown) => e,
      );
      expect(String((err as { digest?: string }).digest), `${file}#${name}`).toMatch(/^NEXT_REDIRECT;.*;\/admin\/login;/);
    }
    expect(await db.auditLog.count()).toBe(0);
  });

  it.each(pages.filter((p) => !PUBLIC_PAGES.has(p)))("page %s redirects to /admin/login", async (file) => {
    const mod = await load(file);
    const Page = mod.default as (props: unknown) => Promise<unknown>;
    const err = await Page({ searchParams: Promise.resolve({}), params: Promise.resolve({}) }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(String((err as { digest?: string }).digest)).toMatch(/^NEXT_REDIRECT;.*;\/admin\/login;/);
  });
});
