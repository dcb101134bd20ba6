// feed: the front page lists the demo papers and each opens to its own page; unknown ids are a real 404.
import { expect, test } from "@playwright/test";

test("feed: lists demo papers and opens one", async ({ page }) => {
  await page.goto("/");
  const cards = page.getByTestId("paper-card");
  await expect(cards.first()).toBeVisible();
  expect(await cards.count()).toBeGreaterThan(10);
  const title = (await cards.first().getByRole("heading").innerText()).trim();
  await cards.first().getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByRole("link", { name: /arXiv/ }).first()).toHaveAttribute("href", /^https:\/\/arxiv\.org\/abs\/\d{4}\.\d{4,5}$/);
});

test("feed: an unknown paper id is a 404 page", async ({ page }) => {
  const response = await page.goto("/papers/2101.99999");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  // It says how to find the paper anyway, and the header's search box does.
  await expect(page.getByText("Paste its arXiv id or link into the search box")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search papers" }).fill("2101.99999");
  await page.getByRole("searchbox", { name: "Search papers" }).press("Enter");
  await expect(page.getByRole("link", { name: "read it on arXiv" })).toHaveAttribute("href", "https://arxiv.org/abs/2101.99999");
});

test("feed: an address in an abstract is a link, without the full stop after it", async ({ page }) => {
  await page.goto("/papers/2606.12451");
  const abstract = page.locator("section", { has: page.getByRole("heading", { name: "Abstract" }) });
  // The paper has Hugging Face's AI summary; its page shows the authors' abstract open under it.
  const link = abstract.getByRole("link", { name: "https://github.com/SAP/toolsense" });
  await expect(link).toHaveAttribute("href", "https://github.com/SAP/toolsense");
  await expect(link).toHaveAttribute("rel", /nofollow/);
});
