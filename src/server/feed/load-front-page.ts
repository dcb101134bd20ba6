// Data for the zero-JS front page (src/pages/index.tsx): the top trending papers as plain JSON props, rebuilt only when the page is revalidated.
import { getConfig } from "../config";
import { getDb } from "../db";
import { listPapers, type TListFilters, type TPaperPage } from "../repo/papers";
import { DEFAULT_FILTERS, EMPTY_PAGE, FRONT_PAGE_SIZE, loadOrFallback } from "./load-feed";

export type TFrontPageProps = { page: TPaperPage; filters: TListFilters; appUrl: string };

export async function loadFrontPage(): Promise<TFrontPageProps> {
  const page = await loadOrFallback(() => listPapers({ db: getDb(), filters: DEFAULT_FILTERS, limit: FRONT_PAGE_SIZE }), EMPTY_PAGE);
  // getStaticProps props must be JSON: optional fields left undefined are dropped here.
  return JSON.parse(JSON.stringify({ page, filters: DEFAULT_FILTERS, appUrl: getConfig().APP_URL })) as TFrontPageProps;
}
