// POST /api/reader/feedback {"paperId","kind":"more"|"less"|"none"}: a recognised reader's press on a card or paper page.
import { handleRoute, otherMethods } from "@/server/http/respond";
import { pressFeedback } from "@/server/reader/reader-service";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request) => Response.json(await pressFeedback(request), { headers: { "Cache-Control": "no-store" } }));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
