// Signs the browser in to the admin console the way an admin does, through /admin/login.
import { expect, type Page } from "@playwright/test";
import { E2E_ADMIN_TOKEN } from "./constants";

export async function signIn(page: Page, credential = E2E_ADMIN_TOKEN): Promise<void> {
  await page.goto("/admin/login");
  await page.getByLabel("Admin token or password").fill(credential);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}
