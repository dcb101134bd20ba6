// The small standalone HTML pages /api/unsubscribe answers with: a confirm button on GET, the result on POST.
import { escapeHtml } from "@/core/digest";

export type TUnsubscribePage = { title: string; message: string; status: number; form?: { action: string } };

export function renderUnsubscribePage(page: TUnsubscribePage): Response {
  const form = page.form
    ? `<form method="post" action="${escapeHtml(page.form.action)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>`
    : `<p><a href="/">Back to paper-digest</a></p>`;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(page.title)} · paper-digest</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#0f172a;background:#fff}@media(prefers-color-scheme:dark){body{color:#f1f5f9;background:#0b0f19}a{color:#a5b4fc}}button{font:inherit;background:#4338ca;color:#fff;border:0;border-radius:.5rem;padding:.6rem 1rem;cursor:pointer}button:focus-visible,a:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}</style></head><body><main><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.message)}</p>${form}</main></body></html>`;
  return new Response(html, {
    status: page.status,
    headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "X-Robots-Tag": "noindex" },
  });
}
