// search: a new query from the results page keeps their sort and filters, and a search that finds nothing says what to try.
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

test("search: nothing found suggests fewer words, author: and the same search without its filters", async ({ page }) => {
  await page.goto("/search?q=zzzqqq+yyyxxx&code=1&min=1");
  const empty = page.getByTestId("empty-state");
  await expect(empty.getByText("No papers match “zzzqqq yyyxxx”.", { exact: true })).toBeVisible();
  // The suggestions are a list introduced by visible text, which names it for screen readers.
  await expect(empty.getByRole("list", { name: "Try this:" }).getByRole("listitem")).toHaveCount(3);
  await expect(empty.getByText(/fewer/)).toBeVisible();
  await expect(empty.getByText(/author:Name/)).toBeVisible();
  await empty.getByRole("link", { name: /without/ }).click();
  await expect(page).toHaveURL(/\/search\?q=zzzqqq\+yyyxxx$/);
  await expect(page.getByTestId("empty-state").getByRole("listitem")).toHaveCount(2);
});
