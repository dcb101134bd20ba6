// A day, week or month page with its <head>: the one page behind the three zero-JS period routes in src/pages/papers.
import { formatPeriodLabel, periodPath } from "@/core/periods";
import type { TPeriodPageProps } from "@/server/feed/feed-page-props";
import { PageHead } from "./page-head";
import { PeriodView } from "./period-view";

export function PeriodPage({ appUrl, ...data }: TPeriodPageProps) {
  return (
    <>
      <PageHead title={`Papers of ${formatPeriodLabel(data.period)}`} path={periodPath(data.period)} appUrl={appUrl} />
      <PeriodView {...data} />
    </>
  );
}
