// GET /thumbnails/<paperId>-<hash>.<ext>: a paper's stored thumbnail from our own origin, cacheable forever (the hash is in the URL).
import { z } from "zod";
import { handleRoute, otherMethods } from "@/server/http/respond";
import { loadThumbnail } from "@/server/thumbnails/load-thumbnail";

const ZParams = z.object({ file: z.string().min(1).max(200) });

export const GET = handleRoute(async (_request: Request, context: { params: Promise<{ file: string }> }) => {
  const { file } = ZParams.parse(await context.params);
  const image = await loadThumbnail(file);
  return new Response(Buffer.from(image.bytes), {
    headers: {
      "Content-Type": image.contentType,
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods("GET");
