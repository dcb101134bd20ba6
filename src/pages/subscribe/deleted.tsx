// Where "delete all my data" lands: /subscribe saying the data is gone, a zero-JS page cached until the feed changes like /subscribe itself,
// so a busy database is the feed's 503 busy page here too (src/pages/_error.tsx), not a bare 500.
import type { GetStaticProps } from "next";
import { SubscribeDocument } from "@/components/subscribe-page";
import { subscribePageProps, type TSubscribePageProps } from "@/server/subscriptions/subscribe-page-props";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<TSubscribePageProps> = () => subscribePageProps("");

export default function SubscriptionDeleted(props: TSubscribePageProps) {
  return <SubscribeDocument {...props} deleted />;
}
