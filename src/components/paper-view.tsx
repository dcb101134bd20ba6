// One paper in full: the source's AI summary and the abstract, all authors, links, metric sparklines and similar papers; hidden
// feedback and follow buttons that the site script reveals for a recognised reader only.
import { countOf } from "@/core/text/count-of";
import { arxivAbsUrl } from "@/core/digest/paper-links";
import { safeHttpUrl } from "@/core/text/http-url";
import { nameKey } from "@/core/text/name-key";
import type { TPaperViewData } from "@/server/feed/load-feed";
import { AiSummary } from "./ai-summary";
import { LinkedText } from "./linked-text";
import { PaperCard } from "./paper-card";
import { PaperThumbnail } from "./paper-thumbnail";
import { Sparkline } from "./sparkline";

/** Follow buttons for the paper's authors and organization; the cached page holds them hidden, so anonymous visitors never see them. */
function FollowButtons({ authors, organization }: { authors: string[]; organization: string | null | undefined }) {
  const names = [
    ...(organization ? [{ kind: "organization", label: organization }] : []),
    ...authors.filter((a) => nameKey(a) !== "").map((label) => ({ kind: "author", label })),
  ];
  if (names.length === 0) return null;
  return (
    <div className="reader-actions" data-reader-only hidden data-testid="follow-buttons">
      {names.map(({ kind, label }) => (
        <button
          key={`${kind}:${label}`}
          type="button"
          className="reader-button"
          data-follow-kind={kind}
          data-follow-key={nameKey(label)}
          data-follow-label={label}
          aria-pressed="false"
        >
          Follow {label}
        </button>
      ))}
    </div>
  );
}

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
        {paper.organization && <p className="text-sm text-slate-700 dark:text-slate-300">{paper.organization}</p>}
        <p className="flex flex-wrap gap-x-4 text-sm text-slate-700 dark:text-slate-300">
          <span>
            Listed <time dateTime={paper.listedOn}>{paper.listedOn}</time>
          </span>
          <span>▲ {countOf(paper.upvotes, "upvote")}</span>
          {paper.githubStars != null && <span>★ {countOf(paper.githubStars, "star")}</span>}
          {paper.categories.length > 0 && <span>{paper.categories.join(", ")}</span>}
        </p>
        <div className="reader-actions" data-reader-paper={paper.id} hidden />
        <FollowButtons authors={paper.authors} organization={paper.organization} />
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
        {paper.aiSummary ? (
          <AiSummary summary={paper.aiSummary} abstractLabel="The authors' abstract" open>
            <p className="mt-2 whitespace-pre-line leading-relaxed">
              <LinkedText text={paper.abstract} />
            </p>
          </AiSummary>
        ) : (
          <p className="whitespace-pre-line leading-relaxed">
            <LinkedText text={paper.abstract} />
          </p>
        )}
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
