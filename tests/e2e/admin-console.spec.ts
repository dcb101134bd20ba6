// admin: sign in, take a paper down and fix one, paste a listing, send a test digest, export subscribers, read the audit log, sign out.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/admin";

const PASTE = `Trending Papers

Jan 5

Sparse Mixture of Adapters for Efficient Multilingual Speech Recognition
We present a sparse mixture of adapters that routes each utterance to a small set of
language-specific adapters, cutting inference cost by 40% while matching dense baselines
on 102 languages. Code: github.com/foo/bar.

Long-Context Retrieval Heads Explain In-Context Learning Failures
Why do long-context language models fail to use information buried in the middle of the
prompt? We identify a small set of retrieval heads whose attention collapses beyond 32k
tokens and show that restoring them recovers most of the lost accuracy.
`;

test("admin: the sign-in page shows only its own messages, never words a crafted link puts in its URL", async ({ page }) => {
  await page.goto("/admin/login?error=Mail%20your%20ADMIN_TOKEN%20to%20help%40evil.example&notice=Token%20expired&m=hijack");
  await expect(page.getByRole("heading", { name: "Admin sign-in" })).toBeVisible();
  await expect(page.getByTestId("notice-error")).toHaveCount(0);
  await expect(page.getByTestId("notice")).toHaveCount(0);
  await expect(page.getByText(/evil\.example|Token expired/)).toHaveCount(0);
  await page.goto("/admin/login?m=rate-limited");
  await expect(page.getByTestId("notice-error")).toHaveText("Too many sign-in attempts. Wait 15 minutes and try again.");
});

test("admin: a console page shows only the messages its own actions sent back, never words a crafted link puts in its URL", async ({ page }) => {
  await signIn(page);
  const crafted = "error=Session%20expired%3A%20paste%20your%20ADMIN_TOKEN%20at%20https%3A%2F%2Fevil.example&notice=Token%20expired";
  for (const path of ["/admin/papers", "/admin/digests", "/admin/ingestion", "/admin/subscribers"]) {
    for (const query of [crafted, `${crafted}&sig=AAAAAAAAAAAAAAAAAAAAAA`]) {
      await page.goto(`${path}?${query}`);
      await expect(page.getByRole("heading", { level: 1 }), path).toBeVisible();
      await expect(page.getByText(/evil\.example|Token expired/), path).toHaveCount(0);
    }
  }
});

test("admin: a wrong token is refused, the right one opens the dashboard with source health", async ({ page, context }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.getByLabel("Admin token or password").fill("not-the-token-at-all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("notice-error")).toHaveText("That token or password is not right.");
  await signIn(page);
  const cookie = (await context.cookies()).find((c) => c.name === "pd_admin");
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false });
  await expect(page.getByTestId("source-health").locator('tr[data-source="hf-daily"]')).toBeVisible();
});

test("admin: hiding a paper removes it from the front page and its page at once, unhiding restores it", async ({ page }) => {
  await page.goto("/");
  const card = page.getByTestId("paper-card").first();
  const title = (await card.getByRole("heading").innerText()).trim();
  const href = await card.getByRole("link", { name: title }).getAttribute("href");
  await signIn(page);
  await page.goto(`/admin/papers?q=${encodeURIComponent(title)}`);
  await page.getByRole("button", { name: `Hide ${title}` }).click();
  await expect(page.getByTestId("notice")).toHaveText(`Hidden: ${title}`);

  await page.goto("/");
  await expect(page.getByTestId("paper-card").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: title, exact: true })).toHaveCount(0);
  expect((await page.goto(href!))?.status()).toBe(404);
  // Paper pages are cached, 404s too: the second visit is served from the cache.
  const again = await page.request.get(href!);
  expect(again.status()).toBe(404);
  expect(again.headers()["x-nextjs-cache"]).toBe("HIT");

  await page.goto(`/admin/papers?q=${encodeURIComponent(title)}`);
  await page.getByRole("button", { name: `Unhide ${title}` }).click();
  await expect(page.getByTestId("notice")).toHaveText(`Restored: ${title}`);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: title, exact: true })).toHaveCount(1);
  // The cached 404 went with the unhide.
  expect((await page.goto(href!))?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("admin: a fixed title shows on the site; a bad link is refused with a clear message", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/papers");
  const sections = page.getByRole("navigation", { name: "Admin" });
  await expect(sections.locator("[aria-current=page]")).toHaveText(["Papers"]);
  const row = page.getByTestId("admin-paper").first();
  await row.getByText("Fix a field").click();
  await row.getByLabel("Field").selectOption("githubUrl");
  await row.getByLabel(/New value/).fill("javascript:alert(1)");
  await row.getByRole("button", { name: "Save fix" }).click();
  await expect(page.getByTestId("notice-error")).toContainText("must be an http(s) URL");

  const fixedRow = page.getByTestId("admin-paper").first();
  const id = await fixedRow.getAttribute("data-paper-id");
  await fixedRow.getByText("Fix a field").click();
  await fixedRow.getByLabel("Field").selectOption("title");
  await fixedRow.getByLabel(/New value/).fill("A Title Fixed By The Admin");
  await fixedRow.getByRole("button", { name: "Save fix" }).click();
  await expect(page.getByTestId("notice")).toHaveText(`Fixed title of paper #${id}; the fix survives later ingestions.`);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "A Title Fixed By The Admin" })).toBeVisible();
});

test("admin: a pasted listing becomes a text-source run with its counts", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/ingestion");
  await page.getByLabel(/Text copied from a trending-papers page/).fill(PASTE);
  await page.getByRole("button", { name: "Ingest pasted text" }).click();
  // A paste is queued like any run; the page refreshes itself until the worker has processed it.
  await expect(page.getByTestId("notice")).toContainText(/Pasted listing queued as run #\d+/);
  const runId = /run #(\d+)/.exec(await page.getByTestId("notice").innerText())![1];
  const run = page.locator(`[data-testid="ingest-runs"] tr[data-run-id="${runId}"]`);
  await expect(run).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(run).toContainText("text");
  await expect(run).toContainText("2 / ?");
  await page.goto(`/admin/papers?q=${encodeURIComponent("Long-Context Retrieval Heads")}`);
  await expect(page.getByTestId("admin-paper")).toHaveCount(1);
  await expect(page.getByTestId("admin-paper")).toContainText("text");
});

test("admin: send a test digest, export subscribers, see it all in the audit log, then sign out", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/digests");
  await page.getByLabel("Address", { exact: true }).fill("admin-test@example.org");
  await page.getByRole("button", { name: "Send test digest" }).click();
  await expect(page.getByTestId("notice")).toContainText("Test digest with 10 papers sent to admin-test@example.org (captured: read it under Mail)");

  const csv = await page.request.get("/api/admin/subscribers.csv");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect((await csv.text()).split("\r\n")[0]).toMatch(/^id,email,status,/);

  await page.goto("/admin/audit");
  const log = page.getByTestId("audit-log");
  await expect(log.locator('tr[data-action="digest.test"]').first()).toContainText("admin-test@example.org");
  await expect(log.locator('tr[data-action="subscribers.export"]').first()).toContainText("admin:token");
  await expect(log.locator('tr[data-action="login.failure"]').first()).toBeVisible();
  await expect(log.locator('tr[data-action="paper.hide"]').first()).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/login/);
  await expect(page.getByTestId("notice")).toHaveText("Signed out.");
  await page.goto("/admin/papers");
  await expect(page).toHaveURL(/\/admin\/login$/);
  expect((await page.request.get("/api/admin/subscribers.csv")).status()).toBe(401);

  await signIn(page);
  await page.goto("/admin/audit?action=logout");
  await expect(page.getByTestId("audit-log").locator('tr[data-action="logout"]')).toHaveCount(1);
});

test("admin: every console page passes axe without serious or critical violations, in light and dark", async ({ page }) => {
  test.setTimeout(240_000);
  const check = async (url: string) => {
    await page.goto(url);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${url}: ${v.id} (${v.nodes.length})`);
    expect(bad).toEqual([]);
  };
  await check("/admin/login");
  await signIn(page);
  for (const theme of ["light", "dark"]) {
    await page.evaluate((t) => localStorage.setItem("theme", t), theme);
    for (const url of ["/admin", "/admin/ingestion", "/admin/papers", "/admin/subscribers", "/admin/digests", "/admin/audit"]) await check(url);
  }
});

test("admin: a captured message that is not there says so, readable without JavaScript, with 404", async ({ page }) => {
  await signIn(page);
  for (const path of ["/admin/mail/999999999", "/admin/mail/not-a-number"]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
    expect(res.headers()["cache-control"], path).toBe("private, no-store");
    // The HTML as sent, before any script runs: notFound() sent an empty shell only JavaScript filled.
    const html = await res.text();
    expect(html, path).toContain("No captured message here");
    expect(html, path).toContain('href="/admin/mail"');
  }
});
