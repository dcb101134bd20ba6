// Where "delete all my data" lands: the subscribe page, saying the data is gone.
import type { Metadata } from "next";
import { SubscribePage } from "@/components/subscribe-page";
import { loadDigestPreview } from "@/server/subscriptions/subscription-service";
import { subscribeAction } from "../actions";

export const metadata: Metadata = { title: "Your data was deleted", robots: { index: false } };
export const revalidate = 3600;

export default async function SubscriptionDeleted() {
  return <SubscribePage action={subscribeAction} preview={await loadDigestPreview({})} deleted />;
}
