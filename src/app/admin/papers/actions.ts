"use server";
// Paper actions: takedown (hide/unhide) and manual field fixes. Every instance drops its cached pages on the change (a cached 404 too);
// this one drops them before redirecting too, so the admin reads the change back at once.
import { z } from "zod";
import { adminContext } from "@/server/admin/admin-context";
import { runFormAction } from "@/server/admin/form-action";
import { FIXABLE_FIELDS, fixPaper, hidePaper } from "@/server/admin/paper-admin";
import { updateTag } from "next/cache";
import { PAPERS_TAG } from "@/server/feed/cache-tags";

const back = (q: string | undefined) => (q ? `/admin/papers?q=${encodeURIComponent(q)}` : "/admin/papers");
const ZId = z.coerce.number().int().positive();
const ZQuery = z.string().max(200).optional();

const ZHide = z.object({ id: ZId, hidden: z.enum(["true", "false"]).transform((v) => v === "true"), q: ZQuery });

export async function setHiddenAction(formData: FormData): Promise<void> {
  await runFormAction({
    formData,
    schema: ZHide,
    back: back(formData.get("q")?.toString()),
    run: async ({ id, hidden, q }, actor) => {
      const { db, now } = adminContext();
      const paper = await hidePaper({ db, actor, id, hidden, now });
      updateTag(PAPERS_TAG);
      return { notice: `${hidden ? "Hidden" : "Restored"}: ${paper.title}`, back: back(q) };
    },
  });
}

const ZFix = z.object({ id: ZId, field: z.enum(FIXABLE_FIELDS), value: z.string().max(20_000), q: ZQuery });

export async function fixFieldAction(formData: FormData): Promise<void> {
  await runFormAction({
    formData,
    schema: ZFix,
    back: back(formData.get("q")?.toString()),
    run: async ({ id, field, value, q }, actor) => {
      const { db, now } = adminContext();
      const paper = await fixPaper({ db, actor, id, field, value, now });
      updateTag(PAPERS_TAG);
      return { notice: `Fixed ${field} of paper #${paper.id}; the fix survives later ingestions.`, back: back(q) };
    },
  });
}
