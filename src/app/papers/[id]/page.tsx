// One paper in full: abstract, all authors, links, metric sparklines and similar papers.
// Cached like every feed page: a hide, unhide or fix drops every cached page on every instance, a cached 404 included.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { arxivAbsUrl, safeHttpUrl } from "@/core/digest/paper-links";
import { truncateText } from "@/core/digest/shorten-text";
import { PaperCard } from "@/components/paper-card";
import { Sparkline } from "@/components/sparkline";
import { loadPaperView } from "@/server/feed/load-feed";

// Rendered on first request and kept until the feed changes (src/server/cache); an hour is the safety net (FEED_REVALIDATE_SECONDS).
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

const ZParams = z.object({ id: z.string().min(1).max(300) });

type TProps = { params: Promise<{ id: string }> };

async function viewFor(params: TProps["params"]) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const view = await loadPaperView(parsed.data.id);
  if (!view) notFound();
  return view;
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { paper } = await viewFor(params);
  const description = truncateText(paper.abstract, 200);
  const image = safeHttpUrl(paper.thumbnailUrl);
  return {
    title: paper.title,
    description,
    openGraph: { type: "article", title: paper.title, description, ...(image ? { images: [image] } : {}) },
    twitter: { card: image ? "summary_large_image" : "summary", title: paper.title, description },
  };
}

const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

export default async function PaperPage({ params }: TProps) {
  const { paper, metrics, similar } = await viewFor(params);
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
