// A day, ISO week or month of papers: navigation, date picker, filters, the list and a clear empty state.
import { formatPeriodLabel, periodPath } from "@/core/periods";
import { serializeFeedFilters } from "@/core/search";
import type { TPeriodViewData } from "@/server/feed/load-period-view";
import { FilterBar } from "./filter-bar";
import { PaperList } from "./paper-list";
import { PeriodNav } from "./period-nav";

export function PeriodView({ kind, period, filters, page, error, neighbours }: TPeriodViewData) {
  const path = periodPath(period);
  const more = page.nextCursor ? `${path}?${serializeFeedFilters({ ...filters, cursor: page.nextCursor })}` : null;
  const label = formatPeriodLabel(period);
  const filtered = filters.hasCode || filters.category !== undefined || filters.minUpvotes > 0;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Papers of {label}</h1>
      <PeriodNav period={period} prevDay={neighbours.prevDay} nextDay={neighbours.nextDay} />
      <FilterBar action={path} filters={filters} />
      {error && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <PaperList
        papers={page.papers}
        moreHref={more}
        empty={
          <>
            <p className="font-medium">
              No papers listed for {label}
              {filtered ? " with these filters" : ""}.
            </p>
            {neighbours.latestDay && (
              <p className="mt-2">
                Try the{" "}
                <a className="text-indigo-700 underline dark:text-indigo-300" href={`/papers/date/${neighbours.latestDay}`}>
                  latest listing day
                </a>{" "}
                or step to a neighbouring {kind} above.
              </p>
            )}
          </>
        }
      />
    </div>
  );
}
