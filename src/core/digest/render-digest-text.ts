// Renders the plain-text part of a digest with the same content as the HTML part.
import type { TDigestView, TDigestViewItem } from "./digest-view";

function renderItem(item: TDigestViewItem, index: number): string {
  const lines = [
    `${index + 1}. ${item.title}`,
    item.authors,
    `${item.why} · ${item.upvotes} ${item.upvotes === 1 ? "upvote" : "upvotes"}`,
    item.excerpt,
    `Read: ${item.url}`,
    item.codeUrl ? `Code: ${item.codeUrl}` : "",
    item.arxivUrl ? `arXiv: ${item.arxivUrl}` : "",
  ];
  return lines
    .filter((line) => line !== "")
    .map((line, i) => (i === 0 ? line : `   ${line}`))
    .join("\n");
}

export function renderDigestText(view: TDigestView): string {
  const title = `${view.heading} · ${view.periodLabel}`;
  const top = view.items.length > 0 ? [title, view.summary] : [title];
  const body = view.items.length > 0 ? view.items.map(renderItem).join("\n\n") : view.summary;
  const footer = [
    "--",
    `Sent to ${view.subscriberEmail} on ${view.sentOn}.`,
    `Manage your digest: ${view.manageUrl}`,
    `Unsubscribe: ${view.unsubscribeUrl}`,
  ];
  return [...top, "", body, "", ...footer, ""].join("\n");
}
