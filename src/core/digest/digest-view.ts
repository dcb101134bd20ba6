// The content of one digest email as plain strings, shared by the HTML and plain-text renderers
// so both parts always say the same thing.
import { countOf } from "@/core/text/count-of";
import type { TPaper } from "@/core/paper";
import { formatDayLabel, toUtcDate } from "@/core/periods";
import { digestFrequencyOf, formatListingDays, type TListingDays } from "./digest-period";
import { cachePerObject } from "./cache-per-object";
import { safeHttpUrl } from "@/core/text/http-url";
import { arxivAbsUrl, normalizeAppUrl, paperPath } from "./paper-links";
import type { TDigestItem } from "./select-digest";
import { cleanText, shortAuthors, truncateText } from "./shorten-text";

const SUBJECT_TITLE_MAX = 70;
const EXCERPT_MAX = 280;
const AI_SUMMARY_MAX = 400;
const PREHEADER_MAX = 140;

/** The subscriber's own links: app paths that sign the reader in on arrival, and signed feedback pages. */
type TDigestLinks = {
  readerUrl: (path: string) => string;
  feedbackUrl: (paperId: number, kind: "more" | "less") => string;
};

export type TComposeDigestInput = {
  appUrl: string;
  subscriberEmail: string;
  periodKey: string;
  items: readonly TDigestItem[];
  /** The listing days the items come from, as selectDigest reports them with the items: what the mail names. */
  listed: TListingDays;
  manageUrl: string;
  unsubscribeUrl: string;
  links: TDigestLinks;
  now: Date;
};

/** What a digest shows of a paper, the same for every subscriber. */
export type TDigestPaperView = {
  title: string;
  authors: string;
  upvotes: number;
  codeUrl: string | null;
  arxivUrl: string | null;
  excerpt: string;
  /** Hugging Face's AI summary, shown above the abstract's excerpt. */
  aiSummary: string | null;
};

/** A paper as one subscriber sees it: the shared view, their reason, and their own links. */
type TDigestViewItem = { paper: TDigestPaperView; why: string; readUrl: string; moreUrl: string; lessUrl: string };

export type TDigestView = {
  subject: string;
  heading: string;
  /** The listing days the papers come from: "Fri 12 Jun 2026", "8–14 Jun 2026". */
  periodLabel: string;
  summary: string;
  preheader: string;
  items: TDigestViewItem[];
  subscriberEmail: string;
  sentOn: string;
  /** Why this address gets the mail, naming the site: "You subscribed to daily papers at papers.example.org." */
  reason: string;
  manageUrl: string;
  unsubscribeUrl: string;
};

/**
 * One view per paper object, shared by every digest that shows the paper, so the renderers can keep
 * its markup with it. Papers are never mutated, so a cached view stays right.
 */
const paperView = cachePerObject((paper: TPaper): TDigestPaperView => ({
  title: cleanText(paper.title) || "Untitled paper",
  authors: shortAuthors(paper.authors),
  upvotes: Math.max(0, Math.trunc(paper.upvotes)),
  codeUrl: safeHttpUrl(paper.githubUrl),
  arxivUrl: arxivAbsUrl(paper.arxivId),
  excerpt: truncateText(paper.abstract, EXCERPT_MAX),
  aiSummary: paper.aiSummary ? truncateText(paper.aiSummary, AI_SUMMARY_MAX) || null : null,
}));

function subjectFor(heading: string, periodLabel: string, items: readonly TDigestViewItem[]): string {
  const [top] = items;
  if (!top) return `${heading} · ${periodLabel}`;
  const more = items.length > 1 ? ` (+${items.length - 1} more)` : "";
  return `${heading} · ${periodLabel}: ${truncateText(top.paper.title, SUBJECT_TITLE_MAX)}${more}`;
}

/**
 * The inbox's preview line, shown after the subject: what the subject does not already say. The subject names the top paper,
 * so the preview names the next ones, or a lone paper's summary; repeating the subject's title wasted the line.
 */
function preheaderFor(items: readonly TDigestViewItem[]): string {
  const [top, ...rest] = items;
  if (!top) return "";
  if (rest.length === 0) return truncateText(top.paper.aiSummary ?? top.paper.excerpt, PREHEADER_MAX);
  return truncateText(`Also: ${rest.map((item) => item.paper.title).join(" · ")}`, PREHEADER_MAX);
}

/** Throws RangeError on a malformed periodKey, listing day or appUrl, so a broken email is never sent. */
export function buildDigestView(input: TComposeDigestInput): TDigestView {
  const frequency = digestFrequencyOf(input.periodKey);
  if (!frequency) throw new RangeError(`Invalid digest period key "${input.periodKey}"`);
  const periodLabel = formatListingDays(input.listed);
  // The links come from the subscriber's own builder; the app URL is still checked, so a bad configuration never mails.
  const site = new URL(normalizeAppUrl(input.appUrl)).host;
  const heading = `Your ${frequency} papers`;

  const items = input.items.map(({ paper, why }): TDigestViewItem => ({
    paper: paperView(paper),
    why: cleanText(why),
    readUrl: input.links.readerUrl(paperPath(paper)),
    moreUrl: input.links.feedbackUrl(paper.id, "more"),
    lessUrl: input.links.feedbackUrl(paper.id, "less"),
  }));

  const count = items.length;
  return {
    subject: subjectFor(heading, periodLabel, items),
    heading,
    periodLabel,
    summary: count === 0 ? "No new papers matched your interests." : `${countOf(count, "new paper")} for you`,
    preheader: preheaderFor(items),
    items,
    subscriberEmail: cleanText(input.subscriberEmail),
    sentOn: formatDayLabel(toUtcDate(input.now)),
    reason: `You subscribed to ${frequency} papers at ${site}.`,
    manageUrl: input.manageUrl,
    unsubscribeUrl: input.unsubscribeUrl,
  };
}
