// security headers: every response refuses framing and sniffing, the feed's cached zero-JS pages allow only the site script (by hash), App
// Router pages add a fresh nonce for Next's own inline scripts, and in a real browser every page works with the policy on and reports no violation.
import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { SITE_SCRIPT } from "../../src/components/site-script";
import { signIn } from "./support/admin";

const SITE_SCRIPT_SOURCE = `'sha256-${createHash("sha256").update(SITE_SCRIPT).digest("base64")}'`;

function scriptSources(csp: string): string[] {
  return /(?:^|;\s*)script-src ([^;]+)/.exec(csp)?.[1]?.split(" ") ?? [];
}

/** Inline scripts of an HTML page: their text and nonce attribute. */
function inlineScripts(html: string): { text: string; nonce: string | null }[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((m) => !/type="application\/(?:json|ld\+json)"/.test(m[1]!))
    .map((m) => ({ text: m[2]!, nonce: /nonce="([^"]+)"/.exec(m[1]!)?.[1] ?? null }));
}

/** Collects CSP violations the page reports, from the console and from securitypolicyviolation events (which survive navigations). */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply|frame)/i.test(msg.text())) violations.push(`${page.url()}: ${msg.text()}`);
  });
  await page.exposeFunction("reportCspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation(`${location.href}: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return violations;
}

test("security: every response refuses framing and MIME sniffing, sets a referrer policy, and sends no HSTS over http", async ({ request }) => {
  // Next's own redirects too: a trailing slash (308) and a period page without its period (307).
  for (const url of [
    "/",
    "/search?q=diffusion",
    "/subscribe",
    "/api/papers",
    "/feed.xml",
    "/robots.txt",
    "/nope",
    "/thumbnails/1-0123456789abcdef.png",
    "/search/",
    "/papers",
  ]) {
    const headers = (await request.get(url, { maxRedirects: 0 })).headers();
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["x-frame-options"], url).toBe("DENY");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["strict-transport-security"], url).toBeUndefined();
  }
});

test("security: the feed's cached pages and /subscribe hold no inline script but the site script, so they stand under any policy", async ({ request }) => {
  const front = await request.get("/");
  // The server's one policy: our origin, the site script by its hash, and a per-request nonce these pages do not need.
  const [self, hash, nonce, ...more] = scriptSources(front.headers()["content-security-policy"]!);
  expect([self, hash, more]).toEqual(["'self'", SITE_SCRIPT_SOURCE, []]);
  expect(nonce).toMatch(/^'nonce-/);
  // Thumbnails are served from our origin, so images from anywhere else are refused.
  expect(front.headers()["content-security-policy"]).toContain("img-src 'self' data:;");
  // A paper with an arXiv id: other specs ingest a title-only one, which may be on top.
  const listed = ((await (await request.get("/api/papers?limit=50")).json()) as { papers: { arxivId: string | null; listedOn: string }[] }).papers;
  const paper = listed.find((p) => p.arxivId !== null)!;
  for (const url of [
    "/",
    "/?sort=new",
    `/papers/${paper.arxivId}`,
    `/papers/date/${paper.listedOn}`,
    `/papers/date/${paper.listedOn}?code=1`,
    "/subscribe",
    "/subscribe?keywords=agents",
    "/search?q=diffusion",
  ]) {
    const res = await request.get(url);
    expect(res.headers()["x-nextjs-cache"], url).toBeDefined();
    expect(
      inlineScripts(await res.text()).map((s) => s.text),
      url,
    ).toEqual([SITE_SCRIPT]);
  }
});

test("security: pages rendered per request (App Router pages, a feed page's 404) carry a fresh nonce on every inline script but the site script", async ({
  request,
}) => {
  const nonces = new Set<string>();
  for (const url of ["/no-such-page", "/no-such-page", "/subscribe/confirm?token=not-a-real-token-at-all", "/papers/9999.99999", "/papers/9999.99999"]) {
    const res = await request.get(url);
    const sources = scriptSources(res.headers()["content-security-policy"]!);
    const nonce = sources.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, url).toBeTruthy();
    expect(sources).not.toContain("'unsafe-inline'");
    nonces.add(nonce!);
    for (const script of inlineScripts(await res.text())) {
      if (script.text === SITE_SCRIPT) expect(script.nonce, url).toBeNull();
      else expect(script.nonce, `${url}: ${script.text.slice(0, 60)}`).toBe(nonce);
    }
  }
  expect(nonces.size).toBe(5);
});

test("security: with the policy on, the theme toggle, abstracts, the subscribe preview and the admin console work, with no violation", async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchViolations(page);
  await page.emulateMedia({ colorScheme: "light" });

  await page.goto("/");
  await page.getByRole("button", { name: "Dark mode" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  const expand = page.getByRole("link", { name: "Show full abstract" }).first();
  await expand.click();
  await expect(page.getByRole("link", { name: "Show less" }).first()).toHaveAttribute("aria-expanded", "true");

  await page.goto("/search?q=diffusion");
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.getByRole("button", { name: "Dark mode" }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
  await page.getByTestId("paper-card").first().getByRole("heading").getByRole("link").click();
  await expect(page.getByRole("heading", { name: "Similar papers" })).toBeVisible();

  await page.goto("/subscribe");
  await expect(page.getByTestId("preview-list").getByRole("listitem").first()).toBeVisible();
  await page.getByLabel(/Keywords/).fill("zzzz-no-such-topic");
  await expect(page.getByTestId("preview-empty")).toBeVisible({ timeout: 15_000 });

  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  expect((await page.goto("/papers/9999.99999"))?.status()).toBe(404);
  expect((await page.goto("/papers/9999.99999"))?.status()).toBe(404);
  await page.getByRole("button", { name: "Dark mode" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);

  await signIn(page);
  for (const url of ["/admin", "/admin/ingestion", "/admin/papers", "/admin/subscribers", "/admin/digests", "/admin/audit"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
  await page.goto("/admin/digests");
  await page.getByLabel("Address", { exact: true }).fill("csp-test@example.org");
  await page.getByRole("button", { name: "Send test digest" }).click();
  await expect(page.getByTestId("notice")).toContainText("Test digest");
  await page.goto("/admin/mail");
  await page.getByTestId("captured-mail-row").first().getByRole("link").first().click();
  await expect(page.locator('iframe[sandbox=""]')).toBeVisible();

  expect(violations).toEqual([]);
});

test("security: the paste box takes at most what a run accepts, says so, and a paste past Next's default 1 MB action limit is queued", async ({ page }) => {
  await signIn(page);
  await page.goto("/admin/ingestion");
  const box = page.getByLabel(/Text copied from a trending-papers page/);
  await expect(box).toHaveAttribute("maxlength", "5000000");
  await expect(box).toHaveAccessibleDescription(/Up to 5,000,000 characters/);
  // Prose with no title: the run fails with its reason and writes no paper, so other specs' feeds stay as they were.
  await box.fill("no title here, only words ".repeat(100_000));
  await page.getByRole("button", { name: "Ingest pasted text" }).click();
  await expect(page.getByTestId("notice")).toContainText("Pasted listing queued as run #", { timeout: 30_000 });
  await expect(page.getByTestId("notice")).toContainText("(2599999 characters)");
});
