// A filtered, sorted or paged variant of /papers/date/…: src/proxy.ts rewrites "?code=1&sort=top" to this path, so each variant is cached.
import { notFound } from "next/navigation";
import { PeriodView, periodMetadata } from "@/components/period-view";
import { loadPeriodView } from "@/server/feed/load-period-view";

type TProps = { params: Promise<{ day: string; view: string }> };

// As /papers/date/[day]: cached until the feed changes, an hour at most.
export const revalidate = 3600;
export async function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: TProps) {
  return periodMetadata("day", (await params).day);
}

export default async function DayPageVariant({ params }: TProps) {
  const { day, view } = await params;
  const data = await loadPeriodView("day", day, view);
  if (!data) notFound();
  return <PeriodView {...data} />;
}
