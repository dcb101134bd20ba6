// GET /api/papers/<arxivId>: one paper with its metric history and similar papers; 404 for unknown or hidden papers.
import type { z } from "zod";
import { AppError } from "@/server/errors/app-error";
import { loadPaperView } from "@/server/feed/load-feed";
import { ZPaperParams, type ZPaperResponse } from "@/server/http/api-schemas";
import { handleRoute, otherMethods, publicJson } from "@/server/http/respond";

export const GET = handleRoute(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = ZPaperParams.parse(await context.params);
  const view = await loadPaperView(id);
  if (!view) throw new AppError("NOT_FOUND", `No paper "${id}".`);
  const body: z.output<typeof ZPaperResponse> = {
    paper: view.paper,
    metrics: view.metrics,
    similar: view.similar.map((p) => ({ id: p.id, arxivId: p.arxivId, title: p.title })),
  };
  return publicJson(body);
});

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
