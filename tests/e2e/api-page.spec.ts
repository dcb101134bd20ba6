// api: the /api page shows one curl example per documented route, links to the OpenAPI document, and is accessible, keyboard-usable,
// dark-mode aware and free of CSP violations; without JavaScript it reads the same.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

type TDocument = { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };

const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);

test("api: every page's footer leads to /api and the feeds", async ({ page }) => {
  for (const path of ["/", "/papers/go?view=day", "/subscribe", "/search?q=agents", "/admin/login"]) {
    await page.goto(path);
    const footer = page.getByRole("navigation", { name: "Footer" });
    await expect(footer.getByRole("link", { name: "RSS" }), path).toHaveAttribute("href", "/feed.xml");
    await expect(footer.getByRole("link", { name: "API" }), path).toHaveAttribute("href", "/api");
  }
  await page.getByRole("navigation", { name: "Footer" }).getByRole("link", { name: "API" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API" })).toBeVisible();
});

test("api: one curl example per route of /api/openapi.json, each naming its path", async ({ page, request }) => {
  const doc = (await (await request.get("/api/openapi.json")).json()) as TDocument;
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([m, op]) => ({ method: m.toUpperCase(), path, operationId: op.operationId })),
  );
  await page.goto("/api");
  await expect(page.getByRole("heading", { level: 1, name: "API" })).toBeVisible();
  const examples = page.locator("pre");
  await expect(examples).toHaveCount(operations.length);
  for (const { method, path } of operations) {
    const section = page
      .locator("section")
      .filter({ has: page.getByRole("heading", { level: 2 }).filter({ hasText: path }) })
      .filter({ hasText: method });
    await expect(section.locator("pre").first()).toContainText("curl");
    await expect(section.locator("pre").first()).toContainText(path.replace(/\{[^}]+\}.*$/, ""));
  }
  await page.getByRole("link", { name: "/api/openapi.json", exact: true }).click();
  expect(((await (await request.get(page.url())).json()) as TDocument).openapi).toMatch(/^3\.1\./);
});

test("api: no axe violations in light or dark mode, no CSP violation, and every example is reachable by keyboard", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply|frame)/i.test(msg.text())) violations.push(msg.text());
  });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/api");
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: "Dark mode" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  expect(await axeViolations(page)).toEqual([]);

  const nav = page.getByRole("navigation", { name: "Routes" }).getByRole("link");
  await nav.first().focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/api#listPapers$/);
  const example = page.locator("pre").first();
  await example.focus();
  await expect(example).toBeFocused();
  expect(violations).toEqual([]);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("api: the page reads the same", async ({ page }) => {
    await page.goto("/api");
    await expect(page.locator("pre").first()).toContainText("curl -sS");
    await expect(page.getByRole("link", { name: "/api/openapi.json", exact: true })).toBeVisible();
  });
});
