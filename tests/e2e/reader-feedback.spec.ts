// reader: a digest's "More like this" link records one press on its POST and lists it on the manage page; a browser that arrived
// through a digest link sees feedback and follow buttons on the cached paper page (under the CSP), an anonymous one sees none, and a
// press the server refuses is shown as not saved.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { createDb, type Db } from "../../src/server/db";
import { subscriberLinks } from "../../src/server/subscriptions/subscription-links";
import { E2E_APP_SECRET } from "./support/constants";
import { e2eDatabaseUrl, seedPapers } from "./support/feed-seed";

const ARXIV_ID = "2611.99951";
const TITLE = "Reader feedback for sparse retrieval agents";
const AUTHOR = "Grace Hopper";
const ORGANIZATION = "Acme Research";

let db: Db;
let paperId: number;
let subscriberId: number;

test.beforeAll(async () => {
  const today = new Date().toISOString().slice(0, 10);
  await seedPapers([
    {
      arxivId: ARXIV_ID,
      title: TITLE,
      abstract: "The authors' own abstract about sparse retrieval agents.",
      aiSummary: "A short machine-written gist of the paper.",
      authors: [AUTHOR, "Alan Turing"],
      listedOn: today,
      upvotes: 5,
      categories: ["cs.IR"],
    },
  ]);
  db = createDb(e2eDatabaseUrl(), { max: 2 });
  // Hugging Face's organization, as its ingestion stores it; the paper page is not cached yet, so it renders with it.
  paperId = (await db.paper.update({ where: { arxivId: ARXIV_ID }, data: { organization: ORGANIZATION } })).id;
  const subscriber = await db.subscriber.create({
    data: { email: `reader-${Date.now()}@example.test`, status: "confirmed", frequency: "daily", keywords: [], categories: [], confirmedAt: new Date() },
  });
  subscriberId = subscriber.id;
});

test.afterAll(async () => {
  await db?.$disconnect();
});

const links = (baseURL: string) => subscriberLinks({ appUrl: baseURL, secret: E2E_APP_SECRET, subscriberId, now: new Date() });

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|connect)/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

test("reader: a digest's More like this link records one press, listed on the manage page with an Undo", async ({ page, baseURL }) => {
  await page.goto(links(baseURL!).feedbackUrl(paperId, "more"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("More like this?");
  await expect(page.getByText(TITLE)).toBeVisible();
  expect(await db.feedback.count({ where: { subscriberId } })).toBe(0);

  await page.getByRole("button", { name: "More like this" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Noted: more like this");
  expect(await db.feedback.findMany({ where: { subscriberId }, select: { paperId: true, kind: true } })).toEqual([{ paperId, kind: "more" }]);

  await page.getByRole("link", { name: "Manage your subscription" }).click();
  await expectNoAxeViolations(page);
  const rated = page.getByTestId("feedback-list");
  await expect(rated.getByRole("listitem")).toHaveCount(1);
  await expect(rated).toContainText("More like this:");
  await expect(rated).toContainText(TITLE);
  await rated.getByRole("button", { name: `Undo for ${TITLE}` }).click();
  await expect(page.getByText("Removed. That paper no longer steers your digest.")).toBeVisible();
  await expect(page.getByTestId("feedback-list")).toHaveCount(0);
  expect(await db.feedback.count({ where: { subscriberId } })).toBe(0);
});

test("reader: a recognised reader gets feedback and follow buttons on a paper page; an anonymous visitor gets none", async ({ browser, baseURL }) => {
  const anonymous = await browser.newPage();
  const anonymousRequests: string[] = [];
  anonymous.on("request", (r) => anonymousRequests.push(new URL(r.url()).pathname));
  await anonymous.goto(`/papers/${ARXIV_ID}`);
  await expect(anonymous.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  const summary = anonymous.getByRole("region", { name: "Abstract" });
  await expect(summary.getByText("AI summary · Hugging Face")).toBeVisible();
  // The paper's own page shows the authors' abstract open under the summary.
  await expect(summary.getByText("The authors' own abstract about sparse retrieval agents.")).toBeVisible();
  await expect(anonymous.getByRole("button", { name: "More like this" })).toHaveCount(0);
  await expect(anonymous.getByRole("button", { name: `Follow ${AUTHOR}` })).toBeHidden();
  await expect(anonymous.getByRole("button", { name: `Follow ${ORGANIZATION}` })).toBeHidden();
  expect(anonymousRequests.filter((p) => p.startsWith("/api/reader"))).toEqual([]);
  await anonymous.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  const violations = watchCspViolations(page);
  await page.goto(links(baseURL!).readerUrl(`/papers/${ARXIV_ID}`));
  await expect(page).toHaveURL(`${baseURL}/papers/${ARXIV_ID}`);
  const reader = (await context.cookies()).find((c) => c.name === "pd_reader");
  expect(reader?.httpOnly).toBe(true);

  const actions = page.locator(`[data-reader-paper="${paperId}"]`);
  await expect(actions.getByRole("button", { name: "More like this" })).toBeVisible();
  await actions.getByRole("button", { name: "Less like this" }).click();
  await expect(actions.getByRole("button", { name: "Less like this" })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => db.feedback.findMany({ where: { subscriberId }, select: { paperId: true, kind: true } })).toEqual([{ paperId, kind: "less" }]);

  await expect(page.getByRole("button", { name: `Follow ${ORGANIZATION}` })).toBeVisible();
  await page.getByRole("button", { name: `Follow ${AUTHOR}` }).click();
  await expect(page.getByRole("button", { name: `Following ${AUTHOR}` })).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => db.follow.findMany({ where: { subscriberId }, select: { kind: true, label: true } })).toEqual([{ kind: "author", label: AUTHOR }]);

  await expectNoAxeViolations(page);
  // The page is the same cached page everybody gets; the reader's state comes back on every visit.
  const again = await page.goto(`/papers/${ARXIV_ID}`);
  expect(again?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expect(actions.getByRole("button", { name: "Less like this" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("button", { name: `Following ${AUTHOR}` })).toBeVisible();
  expect(violations).toEqual([]);

  // A press the server does not take says so instead of looking pressed, and the stored feedback stays what it was.
  await page.route("**/api/reader/feedback", (route) => route.fulfill({ status: 503, body: "" }));
  await actions.getByRole("button", { name: "More like this" }).click();
  await expect(actions.getByRole("button", { name: "Not saved, try again" })).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByRole("status").filter({ hasText: "Not saved: More like this. Try again." })).toBeAttached();
  await expect(actions.getByRole("button", { name: "Less like this" })).toHaveAttribute("aria-pressed", "true");
  await expect(actions.getByRole("button", { name: "More like this" })).toBeVisible({ timeout: 6000 });
  expect(await db.feedback.findMany({ where: { subscriberId }, select: { paperId: true, kind: true } })).toEqual([{ paperId, kind: "less" }]);

  // A refusal that trying again cannot change says why: past the most names one may follow, the server's reason, not "try again".
  await db.follow.createMany({ data: Array.from({ length: 199 }, (_, i) => ({ subscriberId, kind: "author", key: `filler ${i}`, label: `Filler ${i}` })) });
  await page.getByRole("button", { name: `Follow ${ORGANIZATION}` }).click();
  await expect(page.getByRole("button", { name: "Not saved", exact: true })).toHaveAttribute("aria-pressed", "false");
  await expect(page.getByRole("status").filter({ hasText: `Not saved: Follow ${ORGANIZATION}. You follow 200 names` })).toBeAttached();
  expect(await db.follow.count({ where: { subscriberId, kind: "organization" } })).toBe(0);
  await context.close();
});

test("reader: a reader token on the front page is taken off the URL; a forged one sets no cookie", async ({ request, baseURL }) => {
  const good = await request.get(links(baseURL!).readerUrl("/").replace(baseURL!, ""), { maxRedirects: 0 });
  expect(good.status()).toBe(303);
  expect(new URL(good.headers()["location"]!, baseURL).href).toBe(`${baseURL}/`);
  expect(good.headers()["set-cookie"]).toContain("pd_reader=");
  const forged = await request.get("/?r=forged-token", { maxRedirects: 0 });
  expect(forged.status()).toBe(303);
  expect(forged.headers()["set-cookie"]).toBeUndefined();
});
