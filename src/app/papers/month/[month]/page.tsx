// The papers of one month (/papers/month/…), with navigation that skips empty months.
import { notFound } from "next/navigation";
import { PeriodView, periodMetadata } from "@/components/period-view";
import { loadPeriodView } from "@/server/feed/load-period-view";

type TProps = { params: Promise<{ month: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: TProps) {
  return periodMetadata("month", (await params).month);
}

export default async function MonthPage({ params, searchParams }: TProps) {
  const data = await loadPeriodView("month", (await params).month, await searchParams);
  if (!data) notFound();
  return <PeriodView {...data} />;
}
