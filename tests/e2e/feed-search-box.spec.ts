// search: a new query from the results page keeps their sort and filters.
import { expect, test } from "@playwright/test";

test("search: a new query keeps the results' sort and filters", async ({ page }) => {
  await page.goto("/search?q=agents&sort=new&code=1&min=1");
  const box = page.getByRole("search", { name: "Papers" });
  await box.getByRole("searchbox").fill("diffusion");
  await box.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=diffusion&code=1&min=1&sort=new$/);
  await expect(page.getByRole("combobox", { name: "Sort" })).toHaveValue("new");
  await expect(page.getByRole("checkbox", { name: "Has code" })).toBeChecked();
});
