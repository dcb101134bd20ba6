// Renders the plain-text part of a digest with the same content as the HTML part.
import { countOf } from "@/core/text/count-of";
import { cachePerObject } from "./cache-per-object";
import type { TDigestPaperView, TDigestView } from "./digest-view";
import { sharedText, type TMailBody, type TSharedText } from "./mail-body";

/** A paper's entry around its number and the subscriber's own parts: `${n}. ${head}${why}${body}${readUrl}${more}${moreUrl}${less}${lessUrl}\n\n`. */
type TEntry = { head: TSharedText; body: TSharedText };

const MORE = sharedText("\n   More like this: ");
const LESS = sharedText("\n   Less like this: ");
const END = sharedText("\n\n");

const entryOf = cachePerObject((paper: TDigestPaperView): TEntry => {
  const summary = paper.aiSummary ? `AI summary (from Hugging Face): ${paper.aiSummary}` : "";
  const excerpt = paper.excerpt && paper.aiSummary ? `Abstract: ${paper.excerpt}` : paper.excerpt;
  const after = [summary, excerpt, paper.codeUrl ? `Code: ${paper.codeUrl}` : "", paper.arxivUrl ? `arXiv: ${paper.arxivUrl}` : ""].filter(
    (line) => line !== "",
  );
  return {
    head: sharedText(`${paper.authors ? `${paper.title}\n   ${paper.authors}` : paper.title}\n   `),
    body: sharedText(` · ${countOf(paper.upvotes, "upvote")}${after.map((line) => `\n   ${line}`).join("")}\n   Read: `),
  };
});

/** "-- " and a line break: the signature delimiter (RFC 3676) mail clients fold or trim a footer by. */
const FOOTER = sharedText("-- \nSent to ");

/** The plain text as pieces: each paper's entry is shared by every digest, the rest is this subscriber's. */
export function renderDigestText(view: TDigestView): TMailBody {
  const title = `${view.heading} · ${view.periodLabel}`;
  const body: (string | TSharedText)[] = [view.items.length > 0 ? `${title}\n${view.summary}\n\n` : `${title}\n\n${view.summary}\n\n`];
  view.items.forEach((item, index) => {
    const entry = entryOf(item.paper);
    body.push(`${index + 1}. `, entry.head, item.why, entry.body, item.readUrl, MORE, item.moreUrl, LESS, item.lessUrl, END);
  });
  body.push(FOOTER, `${view.subscriberEmail} on ${view.sentOn}. ${view.reason}\nManage your digest: ${view.manageUrl}\nUnsubscribe: ${view.unsubscribeUrl}\n`);
  return body;
}
