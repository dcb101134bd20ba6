// Subscription mails and the unsubscribe page: links present, headers carried, and no markup injected from input.
import { describe, expect, it } from "vitest";
import { alreadySubscribedMail, confirmationMail } from "../../../src/server/subscriptions/subscription-mail";
import { signPayload } from "../../../src/server/auth/secrets";
import { subscriberLinks, verifySubscriberToken } from "../../../src/server/subscriptions/subscription-links";
import { renderLinkPage } from "../../../src/server/subscriptions/link-page";

const now = new Date("2026-11-27T10:00:00Z");
const links = subscriberLinks({ appUrl: "https://papers.example.org", secret: "unit-secret-0123456789", subscriberId: 42, now });

describe("confirmationMail", () => {
  it("carries the confirm link, the manage link and the RFC 8058 headers", () => {
    const mail = confirmationMail({ to: "a@example.org", confirmUrl: "https://papers.example.org/subscribe/confirm?token=abc&x=<y>", links });
    expect(mail.text).toContain("https://papers.example.org/subscribe/confirm?token=abc");
    expect(mail.text).toContain(links.manageUrl);
    expect(mail.html).toContain("token=abc&amp;x=&lt;y&gt;");
    expect(mail.html).not.toContain("<y>");
    expect(mail.headers).toEqual(links.headers);
  });
});

describe("alreadySubscribedMail", () => {
  it("links to the manage page and unsubscribe, and the links verify for the right subscriber", () => {
    const mail = alreadySubscribedMail({ to: "a@example.org", links });
    expect(mail.text).toContain(links.manageUrl);
    expect(mail.text).toContain(links.unsubscribeUrl);
    const manageToken = links.manageUrl.split("/subscription/")[1]!;
    expect(verifySubscriberToken({ secret: "unit-secret-0123456789", purpose: "manage", token: manageToken, now })).toEqual({
      ok: true,
      subscriberId: 42,
      generation: 0,
    });
    expect(verifySubscriberToken({ secret: "unit-secret-0123456789", purpose: "unsubscribe", token: manageToken, now })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});

describe("verifySubscriberToken", () => {
  it("refuses a correctly signed token whose subscriber id names no row (past PostgreSQL's integers, fractional, below 1)", () => {
    const secret = "unit-secret-0123456789";
    const exp = now.getTime() + 60_000;
    for (const sid of [2 ** 31, 1e308, 0, -1, 1.5, "7"]) {
      const token = signPayload(secret, "manage", { sid, exp });
      expect(verifySubscriberToken({ secret, purpose: "manage", token, now })).toEqual({ ok: false, reason: "invalid" });
    }
    const largest = signPayload(secret, "manage", { sid: 2 ** 31 - 1, exp });
    expect(verifySubscriberToken({ secret, purpose: "manage", token: largest, now })).toEqual({ ok: true, subscriberId: 2 ** 31 - 1, generation: 0 });
  });
});

describe("renderLinkPage", () => {
  it("escapes the message, the form action and its fields, and keeps the status", async () => {
    const res = renderLinkPage({
      title: "T<script>",
      message: `"><img src=x onerror=alert(1)>`,
      status: 410,
      form: { action: `/api/unsubscribe?token=a"b`, button: "Unsubscribe", fields: { "List-Unsubscribe": "One-Click" } },
    });
    expect(res.status).toBe(410);
    const html = await res.text();
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<script>");
    expect(html).toContain('action="/api/unsubscribe?token=a&quot;b"');
    expect(html).toContain('name="List-Unsubscribe" value="One-Click"');
    // The site's own icon, as its pages name it, so a browser does not fall back to the bitmap /favicon.ico.
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
  });
});
