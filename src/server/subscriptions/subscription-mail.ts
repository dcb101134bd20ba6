// The two mails the subscribe form can cause: "confirm your address" and "you are already subscribed".
import { escapeHtml } from "@/core/digest";
import type { TOutgoingMail } from "../mail/mailer";

type TLinks = { manageUrl: string; unsubscribeUrl: string; headers: Record<string, string> };

function layout(paragraphs: string[], button: { href: string; label: string }, footer: string): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`).join("");
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a;max-width:560px;margin:0 auto;padding:24px">${body}<p style="margin:24px 0"><a href="${escapeHtml(button.href)}" style="background:#4f46e5;color:#fff;padding:10px 16px;border-radius:8px;text-decoration:none">${escapeHtml(button.label)}</a></p><p style="font-size:12px;color:#475569">${footer}</p></body></html>`;
}

export function confirmationMail(opts: { to: string; confirmUrl: string; links: TLinks }): TOutgoingMail {
  const intro = "Someone (hopefully you) asked to get trending ML papers from paper-digest at this address.";
  const action = "Confirm within 48 hours to start receiving digests. If it was not you, ignore this mail: nothing more will be sent.";
  return {
    to: opts.to,
    subject: "Confirm your paper-digest subscription",
    text: `${intro}\n\n${action}\n\nConfirm: ${opts.confirmUrl}\n\nManage or delete this request: ${opts.links.manageUrl}\n`,
    html: layout(
      [intro, action],
      { href: opts.confirmUrl, label: "Confirm subscription" },
      `<a href="${escapeHtml(opts.links.manageUrl)}">Manage or delete this request</a>`,
    ),
    headers: opts.links.headers,
  };
}

export function alreadySubscribedMail(opts: { to: string; links: TLinks }): TOutgoingMail {
  const intro = "Someone asked to subscribe this address to paper-digest, but it is already subscribed.";
  const action = "Nothing has changed. You can change your preferences, pause or unsubscribe from your subscription page.";
  return {
    to: opts.to,
    subject: "You are already subscribed to paper-digest",
    text: `${intro}\n\n${action}\n\nManage: ${opts.links.manageUrl}\nUnsubscribe: ${opts.links.unsubscribeUrl}\n`,
    html: layout(
      [intro, action],
      { href: opts.links.manageUrl, label: "Manage subscription" },
      `<a href="${escapeHtml(opts.links.unsubscribeUrl)}">Unsubscribe</a>`,
    ),
    headers: opts.links.headers,
  };
}
