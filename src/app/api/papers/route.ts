// GET /api/papers: the feed as JSON with the list filters (q, cat, code, min, sort, cursor, limit) and cursor pagination.
import { z } from "zod";
import { parseFeedFilters } from "@/core/search";
import { AppError } from "@/server/errors/app-error";
import { loadPapers } from "@/server/feed/load-feed";
import { handleRoute } from "@/server/http/respond";
import { MAX_PAGE_SIZE } from "@/server/repo/papers";

const ZQuery = z.object({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_PAGE_SIZE, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .default(20),
});

export const GET = handleRoute(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const limit = ZQuery.safeParse({ limit: params.get("limit") || undefined });
  if (!limit.success) throw new AppError("INVALID_INPUT", `Invalid "limit": ${limit.error.issues[0]?.message ?? "is malformed"}`);
  const filters = parseFeedFilters(Object.fromEntries(params));
  if (!filters.ok) throw new AppError("INVALID_INPUT", filters.message);
  const page = await loadPapers(filters.value, null, limit.data.limit, false);
  return Response.json({ papers: page.papers, nextCursor: page.nextCursor }, { headers: { "cache-control": "public, max-age=60" } });
});
