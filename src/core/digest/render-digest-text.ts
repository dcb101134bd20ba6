// Renders the plain-text part of a digest with the same content as the HTML part.
import type { TDigestPaperView, TDigestView, TDigestViewItem } from "./digest-view";

/** A paper's entry around its numbered title and its "why" line: `${n}. ${head}\n   ${why}${tail}`. */
type TEntry = { head: string; tail: string };

const entries = new WeakMap<TDigestPaperView, TEntry>();

function entryOf(paper: TDigestPaperView): TEntry {
  let entry = entries.get(paper);
  if (entry) return entry;
  const after = [
    paper.excerpt,
    `Read: ${paper.url}`,
    paper.codeUrl ? `Code: ${paper.codeUrl}` : "",
    paper.arxivUrl ? `arXiv: ${paper.arxivUrl}` : "",
  ].filter((line) => line !== "");
  entry = {
    head: paper.authors ? `${paper.title}\n   ${paper.authors}` : paper.title,
    tail: ` · ${paper.upvotes} ${paper.upvotes === 1 ? "upvote" : "upvotes"}${after.map((line) => `\n   ${line}`).join("")}`,
  };
  entries.set(paper, entry);
  return entry;
}

function renderItem(item: TDigestViewItem, index: number): string {
  const entry = entryOf(item.paper);
  return `${index + 1}. ${entry.head}\n   ${item.why}${entry.tail}`;
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
