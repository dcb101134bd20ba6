// Data for the zero-JS front page (src/pages/index.tsx): the top trending papers as plain JSON props, rebuilt only when the page is revalidated.
import { getConfig } from "../config";
import { getDb } from "../db";
import { isDemoFeed } from "../repo/ingest-runs";
import { listPapers, type TListFilters, type TPaperPage } from "../repo/papers";
import { DEFAULT_FILTERS, EMPTY_PAGE, FRONT_PAGE_SIZE, loadOrFallback } from "./load-feed";

/** `demo`: every paper shown came from the demo listings, which the page says. */
export type TFrontPageProps = { page: TPaperPage; filters: TListFilters; appUrl: string; demo: boolean };

export async function loadFrontPage(): Promise<TFrontPageProps> {
  const [page, demo] = await loadOrFallback(
    () => Promise.all([listPapers({ db: getDb(), filters: DEFAULT_FILTERS, limit: FRONT_PAGE_SIZE }), isDemoFeed({ db: getDb() })]),
    [EMPTY_PAGE, false],
  );
  // getStaticProps props must be JSON: optional fields left undefined are dropped here.
  return JSON.parse(JSON.stringify({ page, filters: DEFAULT_FILTERS, appUrl: getConfig().APP_URL, demo })) as TFrontPageProps;
}
