// The papers of one day (/papers/date/…), with navigation that skips empty days.
import { notFound } from "next/navigation";
import { PeriodView, periodMetadata } from "@/components/period-view";
import { loadPeriodView } from "@/server/feed/load-period-view";

type TProps = { params: Promise<{ day: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: TProps) {
  return periodMetadata("day", (await params).day);
}

export default async function DayPage({ params, searchParams }: TProps) {
  const data = await loadPeriodView("day", (await params).day, await searchParams);
  if (!data) notFound();
  return <PeriodView {...data} />;
}
