// A filtered, sorted or paged variant of /papers/month/…: src/proxy.ts rewrites "?code=1&sort=top" to this path, so each variant is cached.
import { notFound } from "next/navigation";
import { PeriodView, periodMetadata } from "@/components/period-view";
import { loadPeriodView } from "@/server/feed/load-period-view";

type TProps = { params: Promise<{ month: string; view: string }> };

// As /papers/month/[month]: cached until the feed changes, an hour at most.
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: TProps) {
  return periodMetadata("month", (await params).month);
}

export default async function MonthPageVariant({ params }: TProps) {
  const { month, view } = await params;
  const data = await loadPeriodView("month", month, view);
  if (!data) notFound();
  return <PeriodView {...data} />;
}
