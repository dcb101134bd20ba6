// Signs the browser in to the admin console the way an admin does, through /admin/login.
import { expect, type Page } from "@playwright/test";
import { createDb } from "../../../src/server/db";
import { E2E_ADMIN_TOKEN } from "./constants";
import { e2eDatabaseUrl } from "./feed-seed";

/**
 * Every spec signs in from the same address (127.0.0.1), more often in one suite than the sign-in limit allows in 15 minutes;
 * a person signs in a few times a day. So each sign-in starts from a clean limit, cleared in the database, not dodged.
 */
export async function clearSignInLimit(): Promise<void> {
  const db = createDb(e2eDatabaseUrl(), { max: 1 });
  try {
    await db.rateLimit.deleteMany({ where: { key: { startsWith: "admin-login:" } } });
  } finally {
    await db.$disconnect();
  }
}

export async function signIn(page: Page, credential = E2E_ADMIN_TOKEN): Promise<void> {
  await clearSignInLimit();
  await page.goto("/admin/login");
  await page.getByLabel("Admin token or password").fill(credential);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}
