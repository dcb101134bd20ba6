// The trending list with its filters, shared by the cached front page and its filtered variants.
import { serializeFeedFilters } from "@/core/search";
import type { TListFilters, TPaperPage } from "@/server/repo/papers";
import { FeedLinks } from "./feed-links";
import { FilterBar } from "./filter-bar";
import { PaperList } from "./paper-list";

export const SORT_TITLES = { trending: "Trending papers", new: "Newest papers", top: "Most upvoted papers" } as const;

export function TrendingView({ filters, page, error, demo = false }: { filters: TListFilters; page: TPaperPage; error?: string; demo?: boolean }) {
  const more = page.nextCursor ? `/?${serializeFeedFilters({ ...filters, cursor: page.nextCursor })}` : null;
  const filterQuery = serializeFeedFilters({ ...filters, cursor: undefined });
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold">{SORT_TITLES[filters.sort]}</h1>
        <FeedLinks base={filterQuery ? "/search/" : "/"} query={filterQuery} />
      </div>
      {demo && (
        <p
          data-testid="demo-notice"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
        >
          These are demo papers from the sample listings shipped with paper-digest. Real papers join them as soon as an ingestion run succeeds (hourly by
          default, or from the admin console).
        </p>
      )}
      <FilterBar action="/" filters={filters} />
      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <PaperList papers={page.papers} moreHref={more} empty={<p>No papers match these filters yet.</p>} />
    </div>
  );
}
