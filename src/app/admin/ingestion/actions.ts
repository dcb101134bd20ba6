"use server";
// Ingestion actions: trigger a run of a source, or paste a listing for the text source.
import { z } from "zod";
import { adminContext } from "@/server/admin/admin-context";
import { runFormAction } from "@/server/admin/form-action";
import { ZTriggerIngest, triggerIngestion } from "@/server/admin/ports";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);
const ZTriggerForm = z.preprocess(
  (v) => Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, blankToUndefined(x)])),
  ZTriggerIngest,
);

export async function triggerIngestionAction(formData: FormData): Promise<void> {
  await runFormAction({
    formData,
    schema: ZTriggerForm,
    back: "/admin/ingestion",
    run: async (input, actor) => {
      const { db, ports, now } = adminContext();
      const { runId } = await triggerIngestion({ db, ports, actor, input, now });
      return { notice: `Run #${runId} queued for ${input.source}.` };
    },
  });
}

const ZPaste = z.object({ body: z.string().max(2_000_000, "The paste is too large.") });

export async function pasteListingAction(formData: FormData): Promise<void> {
  await runFormAction({
    formData,
    schema: ZPaste,
    back: "/admin/ingestion",
    run: async ({ body }, actor) => {
      const r = await adminContext().ports.pasteListing({ actor, body });
      return { notice: `Pasted listing: run #${r.runId} ${r.status}, found ${r.found}, inserted ${r.inserted}, updated ${r.updated}, skipped ${r.skipped}.` };
    },
  });
}
