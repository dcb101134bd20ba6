// A list of paper cards with its empty state and a shareable "More papers" link for the next cursor page.
import { PaperCard, type TCardPaper } from "./paper-card";

export function PaperList({ papers, empty, moreHref }: { papers: TCardPaper[]; empty: React.ReactNode; moreHref?: string | null }) {
  if (papers.length === 0) {
    return (
      <div
        className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-slate-700 dark:border-slate-700 dark:text-slate-300"
        data-testid="empty-state"
      >
        {empty}
      </div>
    );
  }
  return (
    <>
      <ol className="space-y-4">
        {papers.map((p) => (
          <li key={p.id}>
            <PaperCard paper={p} />
          </li>
        ))}
      </ol>
      {moreHref && (
        <p className="mt-6 text-center">
          <a
            href={moreHref}
            className="inline-block rounded-lg border border-slate-300 px-4 py-2 font-medium hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
            rel="next"
          >
            More papers
          </a>
        </p>
      )}
    </>
  );
}
