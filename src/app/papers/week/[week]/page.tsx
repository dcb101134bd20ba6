// The papers of one week (/papers/week/…), with navigation that skips empty weeks.
import { notFound } from "next/navigation";
import { PeriodView, periodMetadata } from "@/components/period-view";
import { loadPeriodView } from "@/server/feed/load-period-view";

type TProps = { params: Promise<{ week: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: TProps) {
  return periodMetadata("week", (await params).week);
}

export default async function WeekPage({ params, searchParams }: TProps) {
  const data = await loadPeriodView("week", (await params).week, await searchParams);
  if (!data) notFound();
  return <PeriodView {...data} />;
}
