// The papers of one month (/papers/month/…), with navigation that skips empty months.
import { PeriodView, periodMetadata, type TSearchParams } from "@/components/period-view";

type TProps = { params: Promise<{ month: string }>; searchParams: TSearchParams };

export async function generateMetadata({ params }: TProps) {
  return periodMetadata("month", (await params).month);
}

export default async function MonthPage({ params, searchParams }: TProps) {
  return <PeriodView kind="month" value={(await params).month} searchParams={searchParams} />;
}
