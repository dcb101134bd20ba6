// One paper in a list: title, authors, day, upvotes, links and an abstract excerpt.
import Link from "next/link";
import type { TPaper } from "@/core/paper";

export function paperHref(paper: Pick<TPaper, "arxivId" | "id">): string {
  return paper.arxivId ? `/papers/${paper.arxivId}` : `/papers/p-${paper.id}`;
}

export function shortenAuthors(authors: string[], max = 3): string {
  if (authors.length <= max) return authors.join(", ");
  return `${authors.slice(0, max).join(", ")} et al.`;
}

export function PaperCard({ paper }: { paper: TPaper }) {
  return (
    <article className="rounded-xl border border-slate-200 p-4 dark:border-slate-800" data-testid="paper-card">
      <h2 className="text-lg font-semibold leading-snug">
        <Link href={paperHref(paper)} className="hover:underline">
          {paper.title}
        </Link>
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {shortenAuthors(paper.authors)} · <time dateTime={paper.listedOn}>{paper.listedOn}</time> · ▲ {paper.upvotes}
      </p>
      <p className="mt-2 line-clamp-3 text-sm text-slate-700 dark:text-slate-300">{paper.abstract}</p>
      <p className="mt-2 flex gap-4 text-sm">
        {paper.arxivId && (
          <a className="text-indigo-700 hover:underline dark:text-indigo-300" href={`https://arxiv.org/abs/${paper.arxivId}`}>
            arXiv
          </a>
        )}
        {paper.githubUrl && (
          <a className="text-indigo-700 hover:underline dark:text-indigo-300" href={paper.githubUrl}>
            Code{paper.githubStars != null ? ` ★ ${paper.githubStars}` : ""}
          </a>
        )}
      </p>
    </article>
  );
}
