// The small standalone HTML pages that mailed links open (/api/unsubscribe, /feedback/<token>): what the link will do and one button
// on GET (mail scanners prefetch links, so a GET changes nothing), the result after the POST, or why the link does not work.
import { escapeHtml } from "@/core/digest";

/** public/favicon.svg, the icon the site's pages name (FAVICON): sharp at any size, where /favicon.ico is a browser's bitmap fallback. */
const ICON = "/favicon.svg";

export type TLinkPage = {
  title: string;
  message: string;
  status: number;
  /** One POST button; `fields` become hidden inputs. */
  form?: { action: string; button: string; fields?: Record<string, string> };
  /** Links under the message (same-site paths). */
  links?: { href: string; text: string }[];
  /** Set-Cookie header values. */
  cookies?: string[];
};

export function renderLinkPage(page: TLinkPage): Response {
  const fields = Object.entries(page.form?.fields ?? {})
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join("");
  const form = page.form
    ? `<form method="post" action="${escapeHtml(page.form.action)}">${fields}<button type="submit">${escapeHtml(page.form.button)}</button></form>`
    : "";
  const links = [...(page.links ?? []), { href: "/", text: "Back to paper-digest" }]
    .map((l) => `<a href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a>`)
    .join(" · ");
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><link rel="icon" href="${ICON}" type="image/svg+xml"><title>${escapeHtml(page.title)} · paper-digest</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a;background:#fff}@media(prefers-color-scheme:dark){body{color:#f1f5f9;background:#0b0f19}a{color:#a5b4fc}}button{font:inherit;background:#4338ca;color:#fff;border:0;border-radius:.5rem;padding:.6rem 1rem;cursor:pointer}button:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}</style></head><body><main><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p>${form}<p>${links}</p></main></body></html>`;
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" });
  for (const cookie of page.cookies ?? []) headers.append("Set-Cookie", cookie);
  return new Response(html, { status: page.status, headers });
}
