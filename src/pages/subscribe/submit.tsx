// POST /subscribe/submit: the subscribe form's answer, rendered per request (zero-JS): the outcome, or the form with its errors.
import type { GetServerSideProps } from "next";
import { SubscribeDocument } from "@/components/subscribe-page";
import { subscribeFormProps, type TSubscribePageProps } from "@/server/subscriptions/subscribe-page-props";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getServerSideProps: GetServerSideProps<TSubscribePageProps> = subscribeFormProps;

export default SubscribeDocument;
