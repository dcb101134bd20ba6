// A filtered, sorted or paged variant of /papers/week/…: src/proxy.ts rewrites "?code=1&sort=top" to this path, so each variant is cached.
import { notFound } from "next/navigation";
import { PeriodView, periodMetadata } from "@/components/period-view";
import { loadPeriodView } from "@/server/feed/load-period-view";

type TProps = { params: Promise<{ week: string; view: string }> };

// As /papers/week/[week]: cached until the feed changes, an hour at most.
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: TProps) {
  return periodMetadata("week", (await params).week);
}

export default async function WeekPageVariant({ params }: TProps) {
  const { week, view } = await params;
  const data = await loadPeriodView("week", week, view);
  if (!data) notFound();
  return <PeriodView {...data} />;
}
