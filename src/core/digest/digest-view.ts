// The content of one digest email as plain strings, shared by the HTML and plain-text renderers
// so both parts always say the same thing.
import { formatDayLabel, toUtcDate } from "@/core/periods";
import { formatDigestPeriod } from "./digest-period";
import { arxivAbsUrl, normalizeAppUrl, paperPath, safeHttpUrl } from "./paper-links";
import type { TDigestItem } from "./select-digest";
import { cleanText, shortAuthors, truncateText } from "./shorten-text";

export const SUBJECT_TITLE_MAX = 70;
export const EXCERPT_MAX = 280;

export type TComposeDigestInput = {
  appUrl: string;
  subscriberEmail: string;
  periodKey: string;
  items: readonly TDigestItem[];
  manageUrl: string;
  unsubscribeUrl: string;
  now: Date;
};

export type TDigestViewItem = {
  title: string;
  url: string;
  authors: string;
  why: string;
  upvotes: number;
  codeUrl: string | null;
  arxivUrl: string | null;
  excerpt: string;
};

export type TDigestView = {
  subject: string;
  heading: string;
  periodLabel: string;
  summary: string;
  preheader: string;
  items: TDigestViewItem[];
  subscriberEmail: string;
  sentOn: string;
  manageUrl: string;
  unsubscribeUrl: string;
};

function subjectFor(heading: string, periodLabel: string, items: readonly TDigestViewItem[]): string {
  const [top] = items;
  if (!top) return `${heading} · ${periodLabel}`;
  const more = items.length > 1 ? ` (+${items.length - 1} more)` : "";
  return `${heading} · ${periodLabel}: ${truncateText(top.title, SUBJECT_TITLE_MAX)}${more}`;
}

/** Throws RangeError on a malformed periodKey or appUrl, so a broken email is never sent. */
export function buildDigestView(input: TComposeDigestInput): TDigestView {
  const period = formatDigestPeriod(input.periodKey);
  if (!period) throw new RangeError(`Invalid digest period key "${input.periodKey}"`);
  const appUrl = normalizeAppUrl(input.appUrl);
  const heading = `Your ${period.frequency} papers`;

  const items = input.items.map(({ paper, why }): TDigestViewItem => ({
    title: cleanText(paper.title) || "Untitled paper",
    url: `${appUrl}${paperPath(paper)}`,
    authors: shortAuthors(paper.authors),
    why: cleanText(why),
    upvotes: Math.max(0, Math.trunc(paper.upvotes)),
    codeUrl: safeHttpUrl(paper.githubUrl),
    arxivUrl: arxivAbsUrl(paper.arxivId),
    excerpt: truncateText(paper.abstract, EXCERPT_MAX),
  }));

  const count = items.length;
  return {
    subject: subjectFor(heading, period.label, items),
    heading,
    periodLabel: period.label,
    summary: count === 0 ? "No new papers matched your interests." : `${count} new ${count === 1 ? "paper" : "papers"} for you`,
    preheader: truncateText(items.map((item) => item.title).slice(0, 3).join(" · "), 140),
    items,
    subscriberEmail: cleanText(input.subscriberEmail),
    sentOn: formatDayLabel(toUtcDate(input.now)),
    manageUrl: input.manageUrl,
    unsubscribeUrl: input.unsubscribeUrl,
  };
}
