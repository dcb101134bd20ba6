// Everything a day, ISO week or month page shows: the period, its filtered papers (a page of them) and the nearest days with papers.
import { parsePeriod, type TPeriod, type TPeriodKind } from "@/core/periods";
import { parseFeedFilters } from "@/core/search";
import type { TNeighbourDays } from "../repo/paper-periods";
import type { TListFilters, TPaperPage } from "../repo/papers";
import { DEFAULT_FILTERS, EMPTY_PAGE, loadNeighbourDays, loadPapersForPage } from "./load-feed";

/** A day has tens of papers, so it is one page; weeks and months page with a cursor. */
const PAGE_SIZE: Record<TPeriodKind, number> = { day: 100, week: 30, month: 30 };

export type TPeriodViewData = { kind: TPeriodKind; period: TPeriod; filters: TListFilters; page: TPaperPage; error?: string; neighbours: TNeighbourDays };

/** Null when `value` names no such period (the page is a 404); bad filters become a message beside an empty list. */
export async function loadPeriodView(
  kind: TPeriodKind,
  value: string,
  searchParams: Record<string, string | string[] | undefined>,
): Promise<TPeriodViewData | null> {
  const period = parsePeriod(kind, value);
  if (!period) return null;
  const parsed = parseFeedFilters(searchParams);
  const filters = parsed.ok ? { ...parsed.value, q: undefined, ...(kind === "day" ? { cursor: undefined } : {}) } : DEFAULT_FILTERS;
  const [{ page, error }, neighbours] = await Promise.all([
    parsed.ok
      ? loadPapersForPage(filters, { start: period.start, end: period.end }, PAGE_SIZE[kind])
      : Promise.resolve({ page: EMPTY_PAGE, error: parsed.message }),
    loadNeighbourDays(period.start, period.end),
  ]);
  return { kind, period, filters, page, error, neighbours };
}
