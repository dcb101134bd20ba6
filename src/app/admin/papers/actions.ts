"use server";
// Paper actions: takedown (hide/unhide) and manual field fixes. Every instance drops its cached pages on the change (a cached 404 too);
// this one drops them before redirecting too, so the admin reads the change back at once.
import { z } from "zod";
import { ZRowId } from "@/core/row-id";
import { hasControlChars, NO_CONTROL_CHARS } from "@/core/text/control-chars";
import { adminContext } from "@/server/admin/admin-context";
import { runFormAction } from "@/server/admin/form-action";
import { ZAdminSearch } from "@/server/admin/load-admin-pages";
import { FIXABLE_FIELDS, fixPaper, hidePaper } from "@/server/admin/paper-admin";
import { updateTag } from "next/cache";
import { PAPERS_TAG } from "@/server/feed/cache-tags";
import { requireFormData } from "@/server/http/action-form";

const back = (q: string | undefined) => (q ? `/admin/papers?q=${encodeURIComponent(q)}` : "/admin/papers");
const backFrom = (formData: FormData) => back(requireFormData(formData).get("q")?.toString());
const ZQuery = ZAdminSearch.optional();

const ZHide = z.object({ id: ZRowId, hidden: z.enum(["true", "false"]).transform((v) => v === "true"), q: ZQuery });

export async function setHiddenAction(formData: FormData): Promise<void> {
  await runFormAction({
    formData,
    schema: ZHide,
    back: backFrom(formData),
    run: async ({ id, hidden, q }, actor) => {
      const { db, now } = adminContext();
      const paper = await hidePaper({ db, actor, id, hidden, now });
      updateTag(PAPERS_TAG);
      return { notice: `${hidden ? "Hidden" : "Restored"}: ${paper.title}`, back: back(q) };
    },
  });
}

const ZFix = z.object({
  id: ZRowId,
  field: z.enum(FIXABLE_FIELDS),
  value: z
    .string()
    .max(20_000)
    .refine((v) => !hasControlChars(v), NO_CONTROL_CHARS),
  q: ZQuery,
});

export async function fixFieldAction(formData: FormData): Promise<void> {
  await runFormAction({
    formData,
    schema: ZFix,
    back: backFrom(formData),
    run: async ({ id, field, value, q }, actor) => {
      const { db, now } = adminContext();
      const paper = await fixPaper({ db, actor, id, field, value, now });
      updateTag(PAPERS_TAG);
      return { notice: `Fixed ${field} of paper #${paper.id}; the fix survives later ingestions.`, back: back(q) };
    },
  });
}
