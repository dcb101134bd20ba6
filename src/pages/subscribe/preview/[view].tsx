// /subscribe/preview/<interests>: /subscribe for one set of interests (src/server/http/cached-views.ts rewrites "/subscribe?keywords=…" here), cached
// per canonical set until the feed changes; the site script reads its preview list as the form is typed in.
import type { GetStaticPaths, GetStaticProps } from "next";
import { SubscribeDocument } from "@/components/subscribe-page";
import { subscribePageProps, type TSubscribePageProps } from "@/server/subscriptions/subscribe-page-props";

// unstable_runtimeJS: false ships no framework JS at all; `runtime` is listed because Next's generated page types require a known key.
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticPaths: GetStaticPaths = async () => ({ paths: [], fallback: "blocking" });

export const getStaticProps: GetStaticProps<TSubscribePageProps, { view: string }> = ({ params }) => subscribePageProps(params?.view ?? "");

export default SubscribeDocument;
