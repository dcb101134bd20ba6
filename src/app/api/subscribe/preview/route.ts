// GET /api/subscribe/preview?keywords=..&cat=..&code=1&min=..: the digest these interests would have produced last week. Reads only.
import { handleRoute } from "@/server/http/respond";
import { previewQueryToInterests } from "@/server/subscriptions/subscription-input";
import { loadDigestPreview } from "@/server/subscriptions/subscription-service";

export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request) => {
  const preview = await loadDigestPreview(previewQueryToInterests(new URL(request.url).searchParams));
  return Response.json(preview, { headers: { "Cache-Control": "no-store" } });
});
