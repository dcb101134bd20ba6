// GET /api/openapi.json: the JSON API's OpenAPI 3.1 document, generated from the schemas the routes validate with; static per build.
import { openApiJson } from "@/server/http/openapi-document";
import { otherMethods } from "@/server/http/respond";

export const dynamic = "force-static";

export function GET(): Response {
  return new Response(openApiJson(), { headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=3600" } });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
