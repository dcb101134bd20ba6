// Signs the browser in to the admin console the way an admin does, through /admin/login.
import { expect, type Page } from "@playwright/test";
import { E2E_ADMIN_TOKEN } from "./constants";

let signIns = 0;

/**
 * Each sign-in comes from its own client address (as it would behind the reverse proxy that sets
 * X-Forwarded-For), so the per-IP sign-in limit does not trip across a whole suite of specs.
 */
export async function useFreshClientAddress(page: Page): Promise<void> {
  signIns += 1;
  await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.${100 + Math.floor(signIns / 250)}.${signIns % 250}` });
}

export async function signIn(page: Page, credential = E2E_ADMIN_TOKEN): Promise<void> {
  await useFreshClientAddress(page);
  await page.goto("/admin/login");
  await page.getByLabel("Admin token or password").fill(credential);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}
