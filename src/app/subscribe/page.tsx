// /subscribe: the form, and beside it the digest a new subscriber would have had last week; cached until the feed changes.
import type { Metadata } from "next";
import { SubscribePage } from "@/components/subscribe-page";
import { loadDigestPreview } from "@/server/subscriptions/subscription-service";
import { subscribeAction } from "./actions";

export const metadata: Metadata = { title: "Subscribe" };
// Kept until the feed changes (src/server/cache); an hour is the safety net (FEED_REVALIDATE_SECONDS).
export const revalidate = 3600;

export default async function Subscribe() {
  return <SubscribePage action={subscribeAction} preview={await loadDigestPreview({})} />;
}
