// The content of one digest email as plain strings, shared by the HTML and plain-text renderers
// so both parts always say the same thing.
import type { TPaper } from "@/core/paper";
import { formatDayLabel, toUtcDate } from "@/core/periods";
import { formatDigestPeriod } from "./digest-period";
import { arxivAbsUrl, normalizeAppUrl, paperPath, safeHttpUrl } from "./paper-links";
import type { TDigestItem } from "./select-digest";
import { cleanText, shortAuthors, truncateText } from "./shorten-text";

const SUBJECT_TITLE_MAX = 70;
const EXCERPT_MAX = 280;

export type TComposeDigestInput = {
  appUrl: string;
  subscriberEmail: string;
  periodKey: string;
  items: readonly TDigestItem[];
  manageUrl: string;
  unsubscribeUrl: string;
  now: Date;
};

/** What a digest shows of a paper, the same for every subscriber. */
export type TDigestPaperView = {
  title: string;
  url: string;
  authors: string;
  upvotes: number;
  codeUrl: string | null;
  arxivUrl: string | null;
  excerpt: string;
};

type TDigestViewItem = { paper: TDigestPaperView; why: string };

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

/**
 * One view per paper object and app URL, shared by every digest that shows the paper, so the
 * renderers can keep its markup with it. Papers are never mutated, so a cached view stays right.
 */
const paperViews = new WeakMap<TPaper, { appUrl: string; view: TDigestPaperView }>();

function paperView(paper: TPaper, appUrl: string): TDigestPaperView {
  const cached = paperViews.get(paper);
  if (cached && cached.appUrl === appUrl) return cached.view;
  const view: TDigestPaperView = {
    title: cleanText(paper.title) || "Untitled paper",
    url: `${appUrl}${paperPath(paper)}`,
    authors: shortAuthors(paper.authors),
    upvotes: Math.max(0, Math.trunc(paper.upvotes)),
    codeUrl: safeHttpUrl(paper.githubUrl),
    arxivUrl: arxivAbsUrl(paper.arxivId),
    excerpt: truncateText(paper.abstract, EXCERPT_MAX),
  };
  paperViews.set(paper, { appUrl, view });
  return view;
}

function subjectFor(heading: string, periodLabel: string, items: readonly TDigestViewItem[]): string {
  const [top] = items;
  if (!top) return `${heading} · ${periodLabel}`;
  const more = items.length > 1 ? ` (+${items.length - 1} more)` : "";
  return `${heading} · ${periodLabel}: ${truncateText(top.paper.title, SUBJECT_TITLE_MAX)}${more}`;
}

/** Throws RangeError on a malformed periodKey or appUrl, so a broken email is never sent. */
export function buildDigestView(input: TComposeDigestInput): TDigestView {
  const period = formatDigestPeriod(input.periodKey);
  if (!period) throw new RangeError(`Invalid digest period key "${input.periodKey}"`);
  const appUrl = normalizeAppUrl(input.appUrl);
  const heading = `Your ${period.frequency} papers`;

  const items = input.items.map(({ paper, why }): TDigestViewItem => ({ paper: paperView(paper, appUrl), why: cleanText(why) }));

  const count = items.length;
  return {
    subject: subjectFor(heading, period.label, items),
    heading,
    periodLabel: period.label,
    summary: count === 0 ? "No new papers matched your interests." : `${count} new ${count === 1 ? "paper" : "papers"} for you`,
    preheader: truncateText(
      items
        .slice(0, 3)
        .map((item) => item.paper.title)
        .join(" · "),
      140,
    ),
    items,
    subscriberEmail: cleanText(input.subscriberEmail),
    sentOn: formatDayLabel(toUtcDate(input.now)),
    manageUrl: input.manageUrl,
    unsubscribeUrl: input.unsubscribeUrl,
  };
}
