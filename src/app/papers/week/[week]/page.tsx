// The papers of one week (/papers/week/…), with navigation that skips empty periods; cached, and filtered variants are
// rewritten by src/proxy.ts to the [view] route below, so no variant renders per request.
import { notFound } from "next/navigation";
import { PeriodView, periodMetadata } from "@/components/period-view";
import { loadPeriodView } from "@/server/feed/load-period-view";

type TProps = { params: Promise<{ week: string }> };

// Rendered on first request and kept until the feed changes (src/server/cache); an hour is the safety net (FEED_REVALIDATE_SECONDS).
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: TProps) {
  return periodMetadata("week", (await params).week);
}

export default async function WeekPage({ params }: TProps) {
  const data = await loadPeriodView("week", (await params).week, "");
  if (!data) notFound();
  return <PeriodView {...data} />;
}
