// A day, ISO week or month of papers: navigation, date picker, filters, the list and a clear empty state.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { formatPeriodLabel, parsePeriod, periodPath, type TPeriodKind } from "@/core/periods";
import { parseFeedFilters, serializeFeedFilters } from "@/core/search";
import { DEFAULT_FILTERS, EMPTY_PAGE, loadNeighbourDays, loadPapersForPage } from "@/server/feed/load-feed";
import { FilterBar } from "./filter-bar";
import { PaperList } from "./paper-list";
import { PeriodNav } from "./period-nav";

/** A day has tens of papers, so it is one page; weeks and months page with a cursor. */
const PAGE_SIZE: Record<TPeriodKind, number> = { day: 100, week: 30, month: 30 };

export type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export function periodMetadata(kind: TPeriodKind, key: string): Metadata {
  const period = parsePeriod(kind, key);
  if (!period) return { title: "Not found" };
  const title = `Papers of ${formatPeriodLabel(period)}`;
  return { title, openGraph: { title }, twitter: { title }, alternates: { canonical: periodPath(period) } };
}

export async function PeriodView({ kind, value, searchParams }: { kind: TPeriodKind; value: string; searchParams: TSearchParams }) {
  const period = parsePeriod(kind, value);
  if (!period) notFound();
  const parsed = parseFeedFilters(await searchParams);
  const filters = parsed.ok ? { ...parsed.value, q: undefined, ...(kind === "day" ? { cursor: undefined } : {}) } : DEFAULT_FILTERS;
  const [{ page, error }, neighbours] = await Promise.all([
    parsed.ok
      ? loadPapersForPage(filters, { start: period.start, end: period.end }, PAGE_SIZE[kind])
      : Promise.resolve({ page: EMPTY_PAGE, error: parsed.message }),
    loadNeighbourDays(period.start, period.end),
  ]);
  const path = periodPath(period);
  const more = kind !== "day" && page.nextCursor ? `${path}?${serializeFeedFilters({ ...filters, cursor: page.nextCursor })}` : null;
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
                <Link className="text-indigo-700 underline dark:text-indigo-300" href={`/papers/date/${neighbours.latestDay}`}>
                  latest listing day
                </Link>{" "}
                or step to a neighbouring {kind} above.
              </p>
            )}
          </>
        }
      />
    </div>
  );
}
