// POST /api/reader/follows {"kind":"author"|"organization","label","follow"}: a recognised reader follows or unfollows a name.
import { handleRoute, otherMethods } from "@/server/http/respond";
import { pressFollow } from "@/server/reader/reader-service";

export const dynamic = "force-dynamic";

export const POST = handleRoute(async (request: Request) => Response.json(await pressFollow(request), { headers: { "Cache-Control": "no-store" } }));

export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods("POST");
