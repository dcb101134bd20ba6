// Everything a day, ISO week or month page shows: the period, a page of its filtered papers and the nearest days with papers.
import { parsePeriod, type TPeriod, type TPeriodKind } from "@/core/periods";
import { parseFeedView } from "@/core/search";
import type { TNeighbourDays } from "../repo/paper-periods";
import type { TListFilters, TPaperPage } from "../repo/papers";
import { DEFAULT_FILTERS, EMPTY_PAGE, loadNeighbourDays, loadPapersForPage } from "./load-feed";

/** Cursor pages keep every period page light, a busy day's 270 papers included. */
const PAGE_SIZE = 30;

export type TPeriodViewData = { kind: TPeriodKind; period: TPeriod; filters: TListFilters; page: TPaperPage; error?: string; neighbours: TNeighbourDays };

/**
 * Null when `value` names no such period (the page is a 404). `view` is the filters' canonical query string (empty for
 * none); bad filters become a message beside an empty list.
 */
export async function loadPeriodView(kind: TPeriodKind, value: string, view: string): Promise<TPeriodViewData | null> {
  const period = parsePeriod(kind, value);
  if (!period) return null;
  const parsed = parseFeedView(view);
  const filters = parsed.ok ? { ...parsed.value, q: undefined } : DEFAULT_FILTERS;
  const [{ page, error }, neighbours] = await Promise.all([
    parsed.ok ? loadPapersForPage(filters, { start: period.start, end: period.end }, PAGE_SIZE) : Promise.resolve({ page: EMPTY_PAGE, error: parsed.message }),
    loadNeighbourDays(period.start, period.end),
  ]);
  return { kind, period, filters, page, error, neighbours };
}
