// The papers of one day (/papers/date/…), with navigation that skips empty days.
import { PeriodView, periodMetadata, type TSearchParams } from "@/components/period-view";

type TProps = { params: Promise<{ day: string }>; searchParams: TSearchParams };

export async function generateMetadata({ params }: TProps) {
  return periodMetadata("day", (await params).day);
}

export default async function DayPage({ params, searchParams }: TProps) {
  return <PeriodView kind="day" value={(await params).day} searchParams={searchParams} />;
}
