// One paper in a list: title, authors, day, upvotes, code with stars, arXiv, thumbnail and an abstract that expands in place.
import Link from "next/link";
import { arxivAbsUrl, paperPath, safeHttpUrl } from "@/core/digest/paper-links";
import { shortAuthors } from "@/core/digest/shorten-text";
import type { TPaper } from "@/core/paper";
import { HighlightedText } from "./highlighted-text";

export type TCardPaper = TPaper & { highlight?: { title: string; abstract: string } };

const linkClass = "text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300";

export function PaperCard({ paper, headingLevel = 2 }: { paper: TCardPaper; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const arxiv = arxivAbsUrl(paper.arxivId);
  const code = safeHttpUrl(paper.githubUrl);
  const thumbnail = safeHttpUrl(paper.thumbnailUrl);
  return (
    <article className="flex gap-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-testid="paper-card">
      <div className="min-w-0 flex-1">
        <Heading className="text-lg font-semibold leading-snug">
          <Link href={paperPath(paper)} className="hover:underline">
            {paper.highlight ? <HighlightedText text={paper.highlight.title} /> : paper.title}
          </Link>
        </Heading>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{shortAuthors(paper.authors)}</p>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
          <time dateTime={paper.listedOn}>{paper.listedOn}</time>
          <span aria-label={`${paper.upvotes} upvotes`}>▲ {paper.upvotes}</span>
          {code && (
            <a className={linkClass} href={code} rel="noopener noreferrer">
              Code{paper.githubStars != null ? ` ★ ${paper.githubStars.toLocaleString("en-US")}` : ""}
            </a>
          )}
          {arxiv && (
            <a className={linkClass} href={arxiv} rel="noopener noreferrer">
              arXiv
            </a>
          )}
        </p>
        {paper.highlight ? (
          <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
            <HighlightedText text={paper.highlight.abstract} />
          </p>
        ) : (
          <details className="group mt-2 text-sm text-slate-700 dark:text-slate-300">
            <summary className="cursor-pointer list-none [&::-webkit-details-marker]:hidden">
              <span className="line-clamp-3 whitespace-pre-line group-open:line-clamp-none">{paper.abstract}</span>
              <span className="font-medium text-indigo-700 dark:text-indigo-300">
                <span className="group-open:hidden">Show full abstract</span>
                <span className="hidden group-open:inline">Show less</span>
              </span>
            </summary>
          </details>
        )}
      </div>
      {thumbnail && (
        <img src={thumbnail} alt="" width={120} height={68} loading="lazy" decoding="async" className="hidden h-[68px] w-[120px] shrink-0 rounded object-cover sm:block" />
      )}
    </article>
  );
}
