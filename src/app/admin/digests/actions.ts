"use server";
// Digest actions: mail a test digest to an address.
import { z } from "zod";
import { adminContext } from "@/server/admin/admin-context";
import { mailTestDigest } from "@/server/admin/digest-tools";
import { runFormAction } from "@/server/admin/form-action";

const ZTestDigest = z.object({ to: z.email("Enter a valid email address.").max(320) });

export async function sendTestDigestAction(formData: FormData): Promise<void> {
  await runFormAction({
    formData,
    schema: ZTestDigest,
    back: "/admin/digests",
    run: async ({ to }, actor) => {
      const sent = await mailTestDigest({ actor, to });
      const where = adminContext().config.SMTP_URL ? "via SMTP" : "captured: read it under Mail";
      return { notice: `Test digest with ${sent.papers} papers sent to ${to} (${where}). Subject: ${sent.subject}` };
    },
  });
}
