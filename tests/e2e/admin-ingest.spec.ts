// admin ingest (finished by the lead once POST /api/admin/ingest, the ingestion runs and /admin/mail are merged):
// trigger a run of a local fixture server's listing and watch it complete; a hidden paper leaves /feed.xml; a test digest is read in the mail viewer.
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./support/admin";

const FIXTURE = readFileSync(path.resolve(import.meta.dirname, "..", "fixtures", "hf", "api-daily-papers-2026-05-08.json"), "utf8");
const FIXTURE_PAPERS = (JSON.parse(FIXTURE) as unknown[]).length;
let server: Server;
let listingUrl: string;

test.beforeAll(async () => {
  server = createServer((_req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end(FIXTURE));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  listingUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/daily_papers?date=2026-05-08`;
});
test.afterAll(() => new Promise<void>((r) => server.close(() => r())));

test("admin ingest: a run triggered from the console completes with the fixture's counts", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/ingestion");
  await page.getByRole("combobox", { name: /^Source/ }).selectOption("hf-daily");
  await page.getByLabel("Listing URL (optional)").fill(listingUrl);
  await page.getByRole("button", { name: "Start run" }).click();
  await expect(page.getByTestId("notice")).toHaveText(/Run #\d+ queued for hf-daily\./);
  const runId = /Run #(\d+)/.exec(await page.getByTestId("notice").innerText())![1];
  const row = page.locator(`[data-testid="ingest-runs"] tr[data-run-id="${runId}"]`);
  await expect(row).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
  await expect(row).toContainText(`${FIXTURE_PAPERS} / ${FIXTURE_PAPERS}`);

  const api = await page.request.get(`/api/admin/ingest/runs/${runId}`);
  expect(api.status()).toBe(200);
  const run = (await api.json()) as { status: string; counts: { found: number; inserted: number; updated: number; unchanged: number } };
  expect(run.status).toBe("succeeded");
  expect(run.counts.found).toBe(FIXTURE_PAPERS);
  expect(run.counts.inserted + run.counts.updated + run.counts.unchanged).toBe(FIXTURE_PAPERS);
});

test("admin ingest: the JSON API starts a run (202) and reports it", async ({ page }) => {
  await signIn(page);
  const started = await page.request.post("/api/admin/ingest", { data: { source: "hf-daily", url: listingUrl } });
  expect(started.status()).toBe(202);
  const { runId } = (await started.json()) as { runId: number };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/admin/ingest/runs/${runId}`)).json()) as { status: string }).status, { timeout: 60_000 })
    .toMatch(/^(succeeded|partial)$/);
});

test("admin: a hidden paper leaves /feed.xml too", async ({ page }) => {
  await page.goto("/");
  const title = (await page.getByTestId("paper-card").first().getByRole("heading").innerText()).trim();
  expect(await (await page.request.get("/feed.xml")).text()).toContain(title.replace(/&/g, "&amp;"));
  await signIn(page);
  await page.goto(`/admin/papers?q=${encodeURIComponent(title)}`);
  await page.getByRole("button", { name: `Hide ${title}` }).click();
  await expect(page.getByTestId("notice")).toHaveText(`Hidden: ${title}`);
  expect(await (await page.request.get("/feed.xml")).text()).not.toContain(title.replace(/&/g, "&amp;"));
  await page.goto(`/admin/papers?q=${encodeURIComponent(title)}`);
  await page.getByRole("button", { name: `Unhide ${title}` }).click();
  await expect(page.getByTestId("notice")).toHaveText(`Restored: ${title}`);
  expect(await (await page.request.get("/feed.xml")).text()).toContain(title.replace(/&/g, "&amp;"));
});

test("admin: a test digest can be read in the mail viewer", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/digests");
  await page.getByLabel("Address", { exact: true }).fill("viewer-test@example.org");
  await page.getByRole("button", { name: "Send test digest" }).click();
  await expect(page.getByTestId("notice")).toContainText("Test digest with 10 papers sent to viewer-test@example.org");
  const subject = /Subject: (.+)$/.exec(await page.getByTestId("notice").innerText())![1]!;
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Mail" }).click();
  await expect(page.getByText(subject).first()).toBeVisible();
});
