"use server";
// Ingestion actions: trigger a source, or paste a listing for the text source; both queue a run like the JSON API does.
import { z } from "zod";
import { runFormAction } from "@/server/admin/form-action";
import { ZIngestRequest } from "@/server/ingest/ingest-params";
import { queueIngest } from "@/server/ingest/ingest-service";

const back = "/admin/ingestion";

export async function triggerIngestionAction(formData: FormData): Promise<void> {
  await runFormAction({
    formData,
    schema: ZIngestRequest,
    back,
    run: async (request, actor) => {
      const run = await queueIngest({ request, actor });
      return { notice: `Run #${run.id} queued for ${run.source}.` };
    },
  });
}

const ZPaste = z.preprocess((form) => ({ ...(form as object), source: "text" }), ZIngestRequest);

export async function pasteListingAction(formData: FormData): Promise<void> {
  await runFormAction({
    formData,
    schema: ZPaste,
    back,
    run: async (request, actor) => {
      const run = await queueIngest({ request, actor });
      return { notice: `Pasted listing queued as run #${run.id} (${run.params.bodyChars} characters); its counts appear below when it finishes.` };
    },
  });
}
