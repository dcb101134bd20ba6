// admin session: signing out ends the session on the server, so a copy of the cookie taken before is refused afterwards.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/admin";

test("admin session: a cookie copied before sign-out is refused afterwards by a page, a route handler and a server action", async ({ page, context }) => {
  await page.goto("/");
  const title = (await page.getByTestId("paper-card").first().getByRole("heading").innerText()).trim();
  await signIn(page);
  const copied = (await context.cookies()).find((c) => c.name === "pd_admin")!;
  expect((await page.request.get("/api/admin/ingest")).status()).toBe(200);

  // A console tab left open with a takedown form on it...
  await page.goto(`/admin/papers?q=${encodeURIComponent(title)}`);
  const hide = page.getByRole("button", { name: `Hide ${title}` });
  await expect(hide).toBeVisible();

  // ...while the admin signs out in another tab.
  const other = await context.newPage();
  await other.goto("/admin");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other).toHaveURL(/\/admin\/login\?m=signed-out$/);
  expect((await context.cookies()).find((c) => c.name === "pd_admin")).toBeUndefined();

  // Whoever holds a copy of the cookie gets nothing with it.
  await context.addCookies([copied]);
  const view = await page.request.get("/admin/audit", { maxRedirects: 0 });
  expect(view.status()).toBe(303);
  expect(new URL(view.headers().location!, "http://x").pathname).toBe("/admin/login");
  expect((await page.request.get("/api/admin/ingest")).status()).toBe(401);
  expect((await page.request.post("/api/admin/ingest", { data: { source: "hf-daily" } })).status()).toBe(401);
  const [takedown] = await Promise.all([page.waitForRequest((r) => r.method() === "POST" && r.url().includes("/admin/papers")), hide.click()]);
  const refused = (await takedown.response())!;
  expect(refused.status()).toBe(303);
  expect(new URL(refused.headers().location!, "http://x").pathname).toBe("/admin/login");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: title, exact: true })).toHaveCount(1);
});
