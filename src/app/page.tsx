// The front page: the newest papers first.
import { PaperCard } from "@/components/paper-card";
import { loadFeed } from "@/server/feed/load-feed";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const papers = await loadFeed();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Trending papers</h1>
      {papers.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No papers yet. Run an ingestion to fill the feed.</p>
      ) : (
        <ol className="space-y-4">
          {papers.map((p) => (
            <li key={p.id}>
              <PaperCard paper={p} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
