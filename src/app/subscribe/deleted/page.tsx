// Where "delete all my data" lands: the subscribe page, saying the data is gone.
import type { Metadata } from "next";
import { SubscribePage } from "@/components/subscribe-page";
import { NEW_INTERESTS } from "@/components/subscribe-interest-fields";
import { IDLE_STATE } from "@/server/subscriptions/form-state";
import { loadDigestPreview } from "@/server/subscriptions/subscription-service";

export const metadata: Metadata = { title: "Your data was deleted", robots: { index: false } };
export const revalidate = 3600;

export default async function SubscriptionDeleted() {
  return <SubscribePage state={IDLE_STATE} defaults={NEW_INTERESTS} preview={await loadDigestPreview({})} deleted />;
}
