// One paper in full: abstract, all authors and links.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { loadPaper } from "@/server/feed/load-feed";

export const dynamic = "force-dynamic";

const ZParams = z.object({ id: z.string().min(1).max(64) });

async function paperFor(params: Promise<unknown>) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const paper = await loadPaper(decodeURIComponent(parsed.data.id));
  if (!paper) notFound();
  return paper;
}

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const paper = await paperFor(params);
  return { title: paper.title, description: paper.abstract.slice(0, 200) };
}

export default async function PaperPage({ params }: { params: Promise<{ id: string }> }) {
  const paper = await paperFor(params);
  return (
    <article className="space-y-4">
      <h1 className="text-2xl font-bold leading-tight">{paper.title}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">{paper.authors.join(", ")}</p>
      <p className="text-sm">
        Listed <time dateTime={paper.listedOn}>{paper.listedOn}</time> · ▲ {paper.upvotes}
      </p>
      <p className="whitespace-pre-line leading-relaxed">{paper.abstract}</p>
      <p className="flex flex-wrap gap-4 text-sm">
        {paper.arxivId && (
          <>
            <a className="text-indigo-700 hover:underline dark:text-indigo-300" href={`https://arxiv.org/abs/${paper.arxivId}`}>arXiv abstract</a>
            <a className="text-indigo-700 hover:underline dark:text-indigo-300" href={`https://arxiv.org/pdf/${paper.arxivId}`}>PDF</a>
          </>
        )}
        {paper.githubUrl && <a className="text-indigo-700 hover:underline dark:text-indigo-300" href={paper.githubUrl}>Code</a>}
        {paper.projectUrl && <a className="text-indigo-700 hover:underline dark:text-indigo-300" href={paper.projectUrl}>Project page</a>}
      </p>
    </article>
  );
}
