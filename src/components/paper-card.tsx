// One paper in a list: title, authors, day, upvotes, code with stars, arXiv, thumbnail (or its placeholder), the source's AI summary
// when it has one, and an abstract excerpt that expands in place; an empty slot the site script fills with a recognised reader's feedback buttons.
import { countOf } from "@/core/text/count-of";
import { arxivAbsUrl, paperPath } from "@/core/digest/paper-links";
import { safeHttpUrl } from "@/core/text/http-url";
import { shortAuthors, truncateText } from "@/core/digest/shorten-text";
import type { TPaper } from "@/core/paper";
import { AiSummary } from "./ai-summary";
import { HighlightedText } from "./highlighted-text";
import { PaperThumbnail } from "./paper-thumbnail";

export type TCardPaper = TPaper & { highlight?: { title: string; abstract: string } };

/** About three lines of a wide card; the rest loads on "Show full abstract" (SITE_SCRIPT), or the link opens the paper. */
const EXCERPT_CHARS = 300;

function Abstract({ paper }: { paper: TCardPaper }) {
  if (paper.highlight) {
    return (
      <p className="card-abstract">
        <HighlightedText text={paper.highlight.abstract} />
      </p>
    );
  }
  const excerpt = truncateText(paper.abstract, EXCERPT_CHARS);
  const id = `abstract-${paper.id}`;
  const abstract = (
    <>
      <p className="card-abstract" id={id}>
        {excerpt}
      </p>
      {excerpt.endsWith("…") && (
        <a
          className="link card-more text-sm font-medium"
          href={`${paperPath(paper)}#abstract-heading`}
          data-expand={`/api${paperPath(paper)}`}
          aria-controls={id}
          aria-expanded="false"
        >
          Show full abstract
        </a>
      )}
    </>
  );
  return paper.aiSummary ? (
    <AiSummary summary={paper.aiSummary} abstractLabel="Abstract">
      {abstract}
    </AiSummary>
  ) : (
    abstract
  );
}

export function PaperCard({ paper, headingLevel = 2 }: { paper: TCardPaper; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const arxiv = arxivAbsUrl(paper.arxivId);
  const code = safeHttpUrl(paper.githubUrl);
  return (
    <article className="card" data-testid="paper-card">
      <div className="min-w-0 flex-1">
        <Heading className="card-title">
          <a href={paperPath(paper)}>{paper.highlight ? <HighlightedText text={paper.highlight.title} /> : paper.title}</a>
        </Heading>
        <p className="card-meta">{shortAuthors(paper.authors)}</p>
        <p className="card-meta card-facts">
          <time dateTime={paper.listedOn}>{paper.listedOn}</time>
          <span role="img" aria-label={countOf(paper.upvotes, "upvote")}>{`▲ ${paper.upvotes}`}</span>
          {code && (
            <a className="link" href={code} rel="noopener noreferrer">
              {paper.githubStars != null ? `Code ★ ${paper.githubStars.toLocaleString("en-US")}` : "Code"}
            </a>
          )}
          {arxiv && (
            <a className="link" href={arxiv} rel="noopener noreferrer">
              arXiv
            </a>
          )}
        </p>
        <Abstract paper={paper} />
        <div className="reader-actions" data-reader-paper={paper.id} hidden />
      </div>
      <PaperThumbnail paper={paper} />
    </article>
  );
}
