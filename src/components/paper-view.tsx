// One paper in full: abstract, all authors, links, metric sparklines and similar papers.
import { arxivAbsUrl, safeHttpUrl } from "@/core/digest/paper-links";
import type { TPaperViewData } from "@/server/feed/load-feed";
import { PaperCard } from "./paper-card";
import { PaperThumbnail } from "./paper-thumbnail";
import { Sparkline } from "./sparkline";

const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

export function PaperView({ paper, metrics, similar }: TPaperViewData) {
  const arxiv = arxivAbsUrl(paper.arxivId);
  const code = safeHttpUrl(paper.githubUrl);
  const project = safeHttpUrl(paper.projectUrl);
  const upvotes = metrics.flatMap((m) => (m.upvotes === null ? [] : [m.upvotes]));
  const stars = metrics.flatMap((m) => (m.githubStars === null ? [] : [m.githubStars]));
  return (
    <article className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold leading-tight">{paper.title}</h1>
        <p className="text-slate-700 dark:text-slate-300">{paper.authors.join(", ")}</p>
        <p className="flex flex-wrap gap-x-4 text-sm text-slate-700 dark:text-slate-300">
          <span>
            Listed <time dateTime={paper.listedOn}>{paper.listedOn}</time>
          </span>
          <span>▲ {paper.upvotes} upvotes</span>
          {paper.githubStars != null && <span>★ {paper.githubStars.toLocaleString("en-US")} stars</span>}
          {paper.categories.length > 0 && <span>{paper.categories.join(", ")}</span>}
        </p>
        {paper.thumbnail && <PaperThumbnail paper={paper} size="large" />}
      </header>
      <nav aria-label="Paper links" className="flex flex-wrap gap-3 text-sm">
        {arxiv && paper.arxivId && (
          <>
            <a className={linkClass} href={arxiv} rel="noopener noreferrer">
              arXiv abstract
            </a>
            <a className={linkClass} href={`https://arxiv.org/pdf/${paper.arxivId}`} rel="noopener noreferrer">
              PDF
            </a>
          </>
        )}
        {code && (
          <a className={linkClass} href={code} rel="noopener noreferrer">
            Code{paper.githubStars != null ? ` ★ ${paper.githubStars.toLocaleString("en-US")}` : ""}
          </a>
        )}
        {project && (
          <a className={linkClass} href={project} rel="noopener noreferrer">
            Project page
          </a>
        )}
      </nav>
      <section aria-labelledby="abstract-heading" className="space-y-2">
        <h2 id="abstract-heading" className="text-lg font-semibold">
          Abstract
        </h2>
        <p className="whitespace-pre-line leading-relaxed">{paper.abstract}</p>
      </section>
      {(upvotes.length > 0 || stars.length > 0) && (
        <section aria-labelledby="trend-heading" className="space-y-2">
          <h2 id="trend-heading" className="text-lg font-semibold">
            Over time
          </h2>
          <Sparkline label="Upvotes" values={upvotes} />
          <Sparkline label="GitHub stars" values={stars} />
        </section>
      )}
      <section aria-labelledby="similar-heading" className="space-y-3">
        <h2 id="similar-heading" className="text-lg font-semibold">
          Similar papers
        </h2>
        {similar.length === 0 ? (
          <p className="text-slate-700 dark:text-slate-300">No similar papers yet.</p>
        ) : (
          <ol className="space-y-3" data-testid="similar-papers">
            {similar.map((p) => (
              <li key={p.id}>
                <PaperCard paper={p} headingLevel={3} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
