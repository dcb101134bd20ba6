// digest: the cron route sends a captured digest whose paper and manage links lead back into the app; a second trigger sends nothing.
import path from "node:path";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { composeDigest, formatDigestPeriod } from "../../src/core/digest";
import { findRunningEmbedded } from "../../src/server/db/embedded-postgres";
import { siblingUrl } from "../support/test-databases";
import { signIn } from "./support/admin";
import { E2E_CRON_SECRET } from "./support/constants";

const EMAIL = "e2e-digest@example.test";
const ARXIV_ID = "2611.99901";
const TITLE = "Sparse graph agents for e2e digest checks";

function e2eDatabaseUrl(): string {
  if (process.env.DATABASE_URL) return siblingUrl(process.env.DATABASE_URL, "e2e");
  const url = findRunningEmbedded(path.resolve(import.meta.dirname, "..", "..", ".data", "e2e", "pg"));
  if (!url) throw new Error("the e2e server's embedded database is not running");
  return url;
}

let client: pg.Client;

test.beforeAll(async () => {
  client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  const today = new Date().toISOString().slice(0, 10);
  await client.query(
    `INSERT INTO papers ("arxivId", "titleKey", title, abstract, authors, "listedOn", upvotes, categories, "primaryCategory", keywords, sources, "trendingScore", "updatedAt")
     VALUES ($1, $2, $3, 'An abstract about graph agents.', ARRAY['Ada Lovelace'], $4::date, 999, ARRAY['cs.LG'], 'cs.LG', '{}', ARRAY['hf-daily'], 1000, now())
     ON CONFLICT ("arxivId") DO NOTHING`,
    [ARXIV_ID, TITLE.toLowerCase(), TITLE, today],
  );
  await client.query(
    `INSERT INTO subscribers (email, status, frequency, keywords, categories, "confirmedAt", "updatedAt")
     VALUES ($1, 'confirmed', 'daily', ARRAY['e2e digest'], '{}', now(), now()) ON CONFLICT (lower(email)) DO NOTHING`,
    [EMAIL],
  );
});

test.afterAll(async () => {
  await client?.end();
});

test("digest: the cron route needs the cron secret", async ({ request }) => {
  const response = await request.post("/api/cron/digest");
  expect(response.status()).toBe(401);
});

test("digest: a received digest links to the paper and to the manage page, and is sent once", async ({ page, request, baseURL }) => {
  test.setTimeout(300_000);
  const response = await request.post("/api/cron/digest", { headers: { Authorization: `Bearer ${E2E_CRON_SECRET}` }, timeout: 90_000 });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { runIds: number[]; runs: { period: string; status: string; sent: number }[] };
  expect(body.runIds).toHaveLength(2);
  expect(body.runs.find((r) => r.period.startsWith("daily:"))).toMatchObject({ status: "succeeded" });

  const mails = await client.query<{ html: string; subject: string; headers: Record<string, string> }>(
    `SELECT html, subject, headers FROM captured_mail WHERE "to" = $1`,
    [EMAIL],
  );
  expect(mails.rows).toHaveLength(1);
  const mail = mails.rows[0]!;
  expect(mail.subject).toContain(TITLE);
  expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

  await page.setContent(mail.html);
  await expect(page.getByRole("heading", { name: "Your daily papers" })).toBeVisible();
  await page.getByRole("link", { name: TITLE }).click();
  await expect(page).toHaveURL(`${baseURL}/papers/${ARXIV_ID}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);

  // A blank page first: setContent on the app's page would leave Next.js's client router running over the mail.
  await page.goto("about:blank");
  await page.setContent(mail.html);
  const manage = page.getByRole("link", { name: "Manage your digest" });
  await expect(manage).toHaveAttribute("href", new RegExp(`^${baseURL}/subscription/[^/]+$`));
  await manage.click();
  await expect(page).toHaveURL(new RegExp(`^${baseURL}/subscription/[^/]+$`));
  await expect(page.getByRole("main")).toBeVisible();

  const again = await request.get("/api/cron/digest", { headers: { Authorization: `Bearer ${E2E_CRON_SECRET}` }, timeout: 90_000 });
  expect(again.status()).toBe(200);
  const count = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM captured_mail WHERE "to" = $1`, [EMAIL]);
  expect(count.rows[0]!.n).toBe(1);

  // The admin reads the run's period, and the subscriber's next one, as days; the ledger's key is a hover away.
  const daily = body.runs.find((r) => r.period.startsWith("daily:"))!.period;
  await signIn(page);
  await page.goto(`/admin/digests?preview=${encodeURIComponent(EMAIL)}`);
  await expect(
    page
      .getByRole("table", { name: /Digest runs/ })
      .getByTitle(daily)
      .first(),
  ).toHaveText(formatDigestPeriod(daily));
  await expect(page.getByTestId("digest-preview")).toContainText(/Period Daily, (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4} · Status confirmed/);
});

test("digest: the feedback links are a thumb's size on a phone, and the mail stays within the screen", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const paper = (id: number, title: string) => ({
    id,
    arxivId: `2611.9990${id}`,
    title,
    abstract: "Data and code at https://huggingface.co/datasets/qiangminjie27/TabBench and more.",
    authors: ["Ada Lovelace", "Alan Turing"],
    listedOn: "2026-06-12",
    upvotes: 12,
    categories: ["cs.LG"],
    githubUrl: "https://github.com/org/repo",
  });
  const items = [paper(1, "A first paper with a long title about scaling agents"), paper(2, "Second")].map((p) => ({ paper: p, why: "Trending", score: 1 }));
  const { html } = composeDigest({
    appUrl: "https://papers.example.org",
    subscriberEmail: "reader@example.org",
    periodKey: "daily:2026-06-13",
    items,
    listed: { from: "2026-06-12", to: "2026-06-12" },
    manageUrl: "https://papers.example.org/subscription/t",
    unsubscribeUrl: "https://papers.example.org/api/unsubscribe?token=t",
    links: {
      readerUrl: (path) => `https://papers.example.org${path}?r=t`,
      feedbackUrl: (id, kind) => `https://papers.example.org/feedback/t?paper=${id}&kind=${kind}`,
    },
    now: new Date("2026-06-13T07:00:00Z"),
  });
  await page.setContent(html);
  const boxes = [];
  for (const name of ["More like this", "Less like this"]) {
    const links = page.getByRole("link", { name, exact: true });
    await expect(links).toHaveCount(2);
    for (const link of await links.all()) {
      const box = (await link.boundingBox())!;
      expect(box.height, name).toBeGreaterThanOrEqual(44);
      expect(box.width, name).toBeGreaterThanOrEqual(44);
      const fontSize = Number.parseFloat(await link.evaluate((el) => getComputedStyle(el).fontSize));
      expect(fontSize, name).toBeGreaterThanOrEqual(14);
      expect(fontSize, name).toBeLessThanOrEqual(15);
      boxes.push(box);
    }
  }
  // The two hit areas sit side by side, neither covering the other.
  const [more, , less] = boxes;
  expect(more!.x + more!.width).toBeLessThanOrEqual(less!.x);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});
