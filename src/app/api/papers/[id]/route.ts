// GET /api/papers/<arxivId>: one paper with its metric history and similar papers; 404 for unknown or hidden papers.
import { z } from "zod";
import { AppError } from "@/server/errors/app-error";
import { loadPaperView } from "@/server/feed/load-feed";
import { handleRoute } from "@/server/http/respond";

const ZParams = z.object({ id: z.string().min(1).max(300) });

export const GET = handleRoute(async (_request: Request, context: { params: Promise<{ id: string }> }) => {
  const { id } = ZParams.parse(await context.params);
  const view = await loadPaperView(id);
  if (!view) throw new AppError("NOT_FOUND", `No paper "${id}".`);
  return Response.json({ paper: view.paper, metrics: view.metrics, similar: view.similar.map((p) => ({ id: p.id, arxivId: p.arxivId, title: p.title })) });
});
