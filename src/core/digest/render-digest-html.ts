// Renders a digest as email HTML: tables and inline styles only (many clients drop <style>), no
// images, and every piece of text escaped.
//
// Dark mode: every element that sets a text colour also sets its background, so clients that
// keep our colours show a light card and clients that invert swap both together. Either way the
// contrast holds.
import { countOf } from "@/core/text/count-of";
import { cachePerObject } from "./cache-per-object";
import { escapeHtml as e } from "./escape-html";
import type { TDigestPaperView, TDigestView } from "./digest-view";
import { sharedText, type TMailBody, type TSharedText } from "./mail-body";

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;";
/**
 * Lets a word longer than the line (a URL in an abstract, a long address) break, in every cell that holds text: a table grows
 * to its longest word otherwise, and one dataset URL made the whole mail wider than a phone's screen. Both spellings, as
 * clients keep one or the other.
 */
const WRAP = "word-break:break-word;overflow-wrap:anywhere;";
const PAGE_BG = "#f4f4f5";
const CARD_BG = "#ffffff";
const TEXT = "#18181b";
const MUTED = "#52525b";
const LINK = "#1d4ed8";
const RULE = "#e4e4e7";
const LINK_STYLE = `style="color:${LINK};text-decoration:underline;"`;

function link(href: string, label: string): string {
  return `<a href="${e(href)}" ${LINK_STYLE}>${e(label)}</a>`;
}

/**
 * "More like this" / "Less like this" are pressed with a thumb: 15 px text in a 44 px tall hit area, made by padding on the
 * link itself (a cell's padding is not part of the link). Inline-block is what lets a link take padding; Outlook for Windows
 * ignores both and shows a plain link, in the same place. The first one's text stays at the card's left edge.
 */
const FEEDBACK_STYLE = `display:inline-block;padding:12px 10px;font-size:15px;line-height:20px;white-space:nowrap;color:${LINK};text-decoration:underline;`;

/**
 * A paper's card around the parts that differ between subscribers: `${head}${readUrl}${title}${why}${body}${moreUrl}
 * ${between}${lessUrl}${end}`. Each of the reader's own URLs stands alone on its line (`<a href="…"`), so only those short
 * lines are encoded per message; the title is the paper's one link to the site.
 */
type TCard = { head: TSharedText; title: TSharedText; body: TSharedText; between: TSharedText; end: TSharedText };

const cardOf = cachePerObject((paper: TDigestPaperView): TCard => {
  const elsewhere = [paper.codeUrl ? link(paper.codeUrl, "Code") : "", paper.arxivUrl ? link(paper.arxivUrl, "arXiv") : ""].filter(Boolean);
  const summary = paper.aiSummary
    ? `<p style="margin:8px 0 0;font-size:14px;line-height:21px;color:${TEXT};"><strong>AI summary (from Hugging Face):</strong> ${e(paper.aiSummary)}</p>\n`
    : "";
  const excerpt = paper.excerpt
    ? `<p style="margin:8px 0 0;font-size:14px;line-height:21px;color:${paper.aiSummary ? MUTED : TEXT};">${paper.aiSummary ? "<strong>Abstract:</strong> " : ""}${e(paper.excerpt)}</p>\n`
    : "";
  const links = elsewhere.length > 0 ? `<p style="margin:8px 0 0;font-size:13px;line-height:19px;color:${MUTED};">${elsewhere.join(" &middot; ")}</p>\n` : "";
  return {
    head: sharedText(`<tr><td style="padding:18px 24px;border-top:1px solid ${RULE};background-color:${CARD_BG};color:${TEXT};${FONT}${WRAP}">
<a href="`),
    title: sharedText(`"
style="color:${LINK};font-size:17px;line-height:24px;font-weight:bold;text-decoration:none;">${e(paper.title)}</a>
${paper.authors ? `<p style="margin:4px 0 0;font-size:13px;line-height:19px;color:${MUTED};">${e(paper.authors)}</p>` : ""}
<p style="margin:6px 0 0;font-size:13px;line-height:19px;color:${MUTED};">`),
    body: sharedText(` &middot; &#9650; ${countOf(paper.upvotes, "upvote")}</p>
${summary}${excerpt}${links}<p style="margin:0;font-size:15px;line-height:20px;color:${MUTED};">
<a href="`),
    between: sharedText(`"
style="${FEEDBACK_STYLE}padding-left:0;">More like this</a> &middot;
<a href="`),
    end: sharedText(`"
style="${FEEDBACK_STYLE}">Less like this</a></p>
</td></tr>
`),
  };
});

const TOP = sharedText(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="supported-color-schemes" content="light dark">
<title>`);
const AFTER_TITLE = sharedText(`</title>
</head>
<body style="margin:0;padding:0;background-color:${PAGE_BG};color:${TEXT};">
<div style="display:none;max-height:0;max-width:0;overflow:hidden;opacity:0;mso-hide:all;">`);
/**
 * Inbox clients fill the preview line past a short preheader with the body's first words (the heading, the days); this fills
 * it with characters nothing shows instead, the usual run of a no-break space behind two zero-width ones (plain spaces are
 * collapsed). Eight are 144 characters in every mail, where the usual run is about 1 KB: they cover a preheader a little
 * short of the line, not an empty one. On a line of their own, so they are encoded once, not with each message's preheader;
 * and only in the HTML, where they stay hidden.
 */
const PREHEADER_PADDING = "&#847;&zwnj;&nbsp;".repeat(8);
const AFTER_PREHEADER = sharedText(`
${PREHEADER_PADDING}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${PAGE_BG};">
<tr><td align="center" style="padding:24px 12px;background-color:${PAGE_BG};">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:${CARD_BG};color:${TEXT};border:1px solid ${RULE};border-radius:8px;">
<tr><td style="padding:24px 24px 16px;background-color:${CARD_BG};color:${TEXT};${FONT}${WRAP}">
<h1 style="margin:0;font-size:22px;line-height:28px;color:${TEXT};">`);
const AFTER_HEADING = sharedText(`</h1>
<p style="margin:4px 0 0;font-size:14px;line-height:20px;color:${MUTED};">`);
const AFTER_SUMMARY = sharedText(`</p>
</td></tr>
`);
const EMPTY_ROW = sharedText(
  `<tr><td style="padding:18px 24px;border-top:1px solid ${RULE};background-color:${CARD_BG};color:${TEXT};font-size:15px;${FONT}${WRAP}">`,
);
const FOOTER =
  sharedText(`<tr><td style="padding:18px 24px 24px;border-top:1px solid ${RULE};background-color:${CARD_BG};color:${MUTED};font-size:12px;line-height:18px;${FONT}${WRAP}">
Sent to `);
const BOTTOM = sharedText(`
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`);

/** The HTML as pieces: the template and each paper's card are shared by every digest, the rest is this subscriber's. */
export function renderDigestHtml(view: TDigestView): TMailBody {
  const body: (string | TSharedText)[] = [TOP, e(view.subject), AFTER_TITLE, e(view.preheader), AFTER_PREHEADER, e(view.heading), AFTER_HEADING];
  body.push(`${e(view.periodLabel)} &middot; ${e(view.summary)}`, AFTER_SUMMARY);
  if (view.items.length === 0) body.push(EMPTY_ROW, `${e(view.summary)}</td></tr>\n`);
  for (const item of view.items) {
    const card = cardOf(item.paper);
    body.push(card.head, e(item.readUrl), card.title, e(item.why), card.body, e(item.moreUrl), card.between, e(item.lessUrl), card.end);
  }
  body.push(
    FOOTER,
    `${e(view.subscriberEmail)} on ${e(view.sentOn)}. ${e(view.reason)}<br>
${link(view.manageUrl, "Manage your digest")} &middot; ${link(view.unsubscribeUrl, "Unsubscribe")}`,
    BOTTOM,
  );
  return body;
}
