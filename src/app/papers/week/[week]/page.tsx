// The papers of one week (/papers/week/…), with navigation that skips empty weeks.
import { PeriodView, periodMetadata, type TSearchParams } from "@/components/period-view";

type TProps = { params: Promise<{ week: string }>; searchParams: TSearchParams };

export async function generateMetadata({ params }: TProps) {
  return periodMetadata("week", (await params).week);
}

export default async function WeekPage({ params, searchParams }: TProps) {
  return <PeriodView kind="week" value={(await params).week} searchParams={searchParams} />;
}
