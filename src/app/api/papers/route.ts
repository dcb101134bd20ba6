// GET /api/papers: the feed as JSON with the list filters (q, cat, code, min, sort, cursor, limit) and cursor pagination.
import { queryValues } from "@/core/query-values";
import type { z } from "zod";
import { parseFeedFilters } from "@/core/search";
import { AppError } from "@/server/errors/app-error";
import { loadPapers } from "@/server/feed/load-feed";
import { ZPapersLimit, type ZPapersResponse } from "@/server/http/api-schemas";
import { handleRoute, otherMethods, publicJson } from "@/server/http/respond";

export const GET = handleRoute(async (request: Request) => {
  const params = queryValues(new URL(request.url).searchParams);
  const limit = ZPapersLimit.safeParse({ limit: params.limit || undefined });
  if (!limit.success) throw new AppError("INVALID_INPUT", `Invalid "limit": ${limit.error.issues[0]?.message ?? "is malformed"}`);
  const filters = parseFeedFilters(params);
  if (!filters.ok) throw new AppError("INVALID_INPUT", filters.message);
  const page = await loadPapers(filters.value, limit.data.limit);
  const body: z.output<typeof ZPapersResponse> = { papers: page.papers, nextCursor: page.nextCursor };
  return publicJson(body);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
