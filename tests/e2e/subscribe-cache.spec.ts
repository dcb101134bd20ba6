// subscribe: the page and its preview for a set of interests are cached zero-JS pages; the form's POST is answered per request,
// with a 4xx and the errors on the page for a rejected form, and still subscribes without JavaScript.
import { expect, test } from "@playwright/test";
import { SITE_SCRIPT, SITE_SCRIPT_HASH } from "../../src/components/site-script";

const formPost = (fields: Record<string, string>) => ({ form: fields, maxRedirects: 0 });

test("subscribe: /subscribe and its preview per interest set are cache hits with no framework JS, only the hashed site script", async ({ request }) => {
  for (const path of ["/subscribe", "/subscribe?keywords=zzzz-no-such-topic", "/subscribe?cat=cs.LG&code=1&min=1"]) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    const html = await first.text();
    // No script file, and no inline script but the site script: the hash in the policy is all the page needs.
    expect(html, path).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html.match(/<script/g), path).toHaveLength(1);
    expect(html, path).toContain(SITE_SCRIPT);
    const second = await request.get(path);
    expect(second.headers()["x-nextjs-cache"], path).toBe("HIT");
    expect(await second.text(), path).toBe(html);
  }
  // The plain page never runs the proxy; the server's policy allows its one script by the hash (the nonce is for per-request pages).
  expect((await request.get("/subscribe")).headers()["content-security-policy"]).toContain(`script-src 'self' ${SITE_SCRIPT_HASH} 'nonce-`);
  // One cache entry per set of interests, however it is spelled; the preview follows the interests and the form shows them.
  const spelled = await request.get("/subscribe?min=1&code=on&cat=cs.LG,cs.LG&utm_source=x");
  expect(spelled.headers()["x-nextjs-cache"]).toBe("HIT");
  const nothing = await (await request.get("/subscribe?keywords=zzzz-no-such-topic")).text();
  expect(nothing).toContain('data-testid="preview-empty"');
  expect(nothing).toContain('value="zzzz-no-such-topic"');
  expect(await (await request.get("/subscribe")).text()).toContain('data-testid="preview-list"');
});

test("subscribe: a bad interest in the preview's query is a 400 explained beside its field", async ({ request }) => {
  const res = await request.get("/subscribe?min=-4&cat=%3Cscript%3E");
  expect(res.status()).toBe(400);
  expect(res.headers()["cache-control"]).toBe("private, no-store");
  const html = await res.text();
  expect(html).toContain("Minimum upvotes must be a whole number from 0 to 100,000.");
  expect(html).toContain("Categories look like cs.LG or stat.ML.");
  expect(html.match(/<script/g)).toHaveLength(1);
  // Each key the preview reads has its field's error shown: "code" had none, so its 400 said nothing.
  const code = await request.get("/subscribe?code=yes");
  expect(code.status()).toBe(400);
  expect(await code.text()).toContain("Only papers with code must be on or off (1 or 0).");
});

test("subscribe: the form's POST answers per request: 400 with the field's error, the success page, 413 past the body cap, 403 cross-origin", async ({
  request,
  baseURL,
}) => {
  const bad = await request.post("/subscribe/submit", formPost({ email: "not-an-address", frequency: "weekly", keywords: "diffusion" }));
  expect(bad.status()).toBe(400);
  const badHtml = await bad.text();
  expect(badHtml).toContain("Enter a valid email address");
  expect(badHtml).toContain('value="not-an-address"');
  expect(badHtml).toContain('value="diffusion"');
  expect(bad.headers()["x-nextjs-cache"]).toBeUndefined();

  const ok = await request.post("/subscribe/submit", formPost({ email: `cache-${Date.now()}@example.org`, frequency: "daily" }));
  expect(ok.status()).toBe(200);
  expect(await ok.text()).toContain("Check your inbox");

  // A field given twice is read by its first value, as a repeated query key is: the bad address here, not the good one after it.
  const twice = await request.post("/subscribe/submit", {
    headers: { "content-type": "application/x-www-form-urlencoded", origin: baseURL! },
    data: `email=not-an-address&email=${encodeURIComponent(`twice-${Date.now()}@example.org`)}&frequency=weekly`,
    maxRedirects: 0,
  });
  expect(twice.status()).toBe(400);
  expect(await twice.text()).toContain('value="not-an-address"');

  const huge = await request.post("/subscribe/submit", formPost({ email: "a@example.org", keywords: "x".repeat(64 * 1024) }));
  expect(huge.status()).toBe(413);
  const foreign = await request.post("/subscribe/submit", { ...formPost({ email: "a@example.org" }), headers: { origin: "https://evil.example" } });
  expect(foreign.status()).toBe(403);
  const json = await request.post("/subscribe/submit", { data: { email: "a@example.org" }, maxRedirects: 0 });
  expect(json.status()).toBe(400);
  // A body that says it is a form but does not parse as one is the sender's mistake, not ours.
  for (const [type, body] of [
    ["multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="email"\r\n\r\nq@example.org\r\n--x--\r\n'],
    ["multipart/form-data", "email=q@example.org"],
  ]) {
    const broken = await request.post("/subscribe/submit", { headers: { "content-type": type! }, data: body, maxRedirects: 0 });
    expect(broken.status(), type).toBe(400);
    expect(await broken.text(), type).toContain("form");
  }
  // A GET of the answer's address is sent to the form.
  const get = await request.get("/subscribe/submit", { maxRedirects: 0 });
  expect(get.status()).toBe(303);
  expect(new URL(get.headers().location!, baseURL).pathname).toBe("/subscribe");
});

test("subscribe: with JavaScript the preview follows the interests typed, read from the cached preview pages", async ({ page }) => {
  const previews: string[] = [];
  page.on("response", (res) => {
    if (new URL(res.url()).pathname === "/subscribe" && res.request().resourceType() === "fetch") previews.push(res.headers()["x-nextjs-cache"] ?? "-");
  });
  await page.goto("/subscribe");
  await expect(page.getByTestId("preview-list").getByRole("listitem").first()).toBeVisible();
  const status = page.locator("[data-preview-status]");
  await expect(status).toHaveRole("status");
  await expect(status).toHaveText(/^\d+ papers? matched last week\.$/);
  // The list itself is no live region: the count is what a screen reader hears when it changes.
  await expect(page.locator("[data-preview-items]")).not.toHaveAttribute("aria-live");
  // The days are the listed papers' own, written as the digest's subject writes them, and are swapped with the list.
  await expect(page.getByTestId("preview-days")).toHaveText(/^Papers listed ([A-Z][a-z]{2} )?\d{1,2}\D.*\b\d{4} that match your interests, best first\.$/);
  await page.getByLabel(/Keywords/).fill("zzzz-no-such-topic");
  await expect(page.getByTestId("preview-empty")).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId("preview-empty")).toHaveText(/^Nothing listed \d{1,2}\D.*\b\d{4} matched\. /);
  await expect(page.getByTestId("preview-days")).toHaveCount(0);
  await expect(status).toHaveText("No papers matched last week.");
  // A minimum that does not parse is answered 400 with an unfiltered list: the preview keeps what the keyword gave, not that list.
  const refused = page.waitForResponse((res) => new URL(res.url()).searchParams.get("min") === "-5");
  await page.getByLabel(/Minimum upvotes/).fill("-5");
  expect((await refused).status()).toBe(400);
  await expect(page.locator("[data-preview-panel]")).toHaveAttribute("aria-busy", "false");
  await expect(page.getByTestId("preview-empty")).toBeVisible();
  await expect(page.getByTestId("preview-list")).toHaveCount(0);
  await page.getByLabel(/Minimum upvotes/).fill("");
  await page.getByLabel(/Keywords/).fill("");
  await expect(page.getByTestId("preview-list").getByRole("listitem").first()).toBeVisible({ timeout: 15_000 });
  expect(previews.length).toBeGreaterThanOrEqual(2);
  expect(previews.at(-1)).toBe("HIT");
});
