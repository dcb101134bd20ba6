// security: a forged X-Forwarded-For lifts neither the subscribe limit nor the admin sign-in limit (the app runs with TRUST_PROXY=0).
import { expect, test } from "@playwright/test";
import { createDb } from "../../src/server/db";
import { e2eDatabaseUrl } from "./support/feed-seed";

/** Each spec file starts from the limits other specs left: this one clears its own client's counters before and after. */
async function clearLimits() {
  const db = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    await db.rateLimit.deleteMany({ where: { OR: [{ key: { startsWith: "subscribe:ip:" } }, { key: { startsWith: "admin-login:" } }] } });
  } finally {
    await db.$disconnect();
  }
}
test.beforeEach(clearLimits);
test.afterEach(clearLimits);

test("security: 21 subscribes, each with a different forged first hop, are still one client: the 21st is refused", async ({ request }) => {
  const statuses: number[] = [];
  for (let i = 0; i < 21; i++) {
    const res = await request.post("/api/subscribe", {
      headers: { "content-type": "application/json", "x-forwarded-for": `198.51.100.${i}`, "x-paper-digest-client": `203.0.113.${i}` },
      data: { email: `forged-${i}@example.org`, frequency: "weekly" },
    });
    statuses.push(res.status());
  }
  expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
  expect(statuses[20]).toBe(429);
});

test("security: the admin sign-in limit holds against forged hops too", async ({ page }) => {
  for (let i = 0; i < 11; i++) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${i}` });
    await page.goto("/admin/login");
    await page.getByLabel("Admin token or password").fill(`wrong-guess-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("notice-error")).toBeVisible();
  }
  await expect(page.getByTestId("notice-error")).toContainText(/Too many sign-in attempts/);
});
