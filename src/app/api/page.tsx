// /api: how to use the JSON API, with one curl example per route, built from the route list /api/openapi.json is generated from.
import type { Metadata } from "next";
import { ApiReference } from "@/components/api-reference";
import { getConfig } from "@/server/config";
import { ADMIN_AUTH, apiReference } from "@/server/http/api-routes";

export const metadata: Metadata = { title: "API", description: "The paper feed, subscriptions and ingestion as JSON: curl examples and the OpenAPI document." };

export default function ApiPage() {
  return <ApiReference entries={apiReference(getConfig().APP_URL)} adminAuth={ADMIN_AUTH} />;
}
