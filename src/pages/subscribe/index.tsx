// /subscribe: the form beside last week's digest, a zero-JS page cached until the feed changes (the form posts to /subscribe/submit).
import type { GetStaticProps } from "next";
import { SubscribeDocument } from "@/components/subscribe-page";
import { subscribePageProps, type TSubscribePageProps } from "@/server/subscriptions/subscribe-page-props";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps: GetStaticProps<TSubscribePageProps> = () => subscribePageProps("");

export default SubscribeDocument;
