"use server";
// Digest actions: mail a test digest to an address, and release deliveries a stopped process left stranded.
import { z } from "zod";
import { adminContext } from "@/server/admin/admin-context";
import { mailTestDigest } from "@/server/admin/digest-tools";
import { runFormAction } from "@/server/admin/form-action";
import { releaseStrandedDigests } from "@/server/admin/stranded-deliveries";

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

export async function releaseStrandedAction(formData: FormData): Promise<void> {
  await runFormAction({
    formData,
    schema: z.object({}),
    back: "/admin/digests",
    run: async (_input, actor) => {
      const { db, config, now } = adminContext();
      const { released, closed, runIds } = await releaseStrandedDigests({ db, config, actor, now });
      const parts = [
        released > 0 ? `${released} released for retry and queued (run ${runIds.map((id) => `#${id}`).join(", ")})` : "",
        closed > 0 ? `${closed} of a past period closed as failed (the next digest carries their papers)` : "",
      ];
      return { notice: `Stranded deliveries: ${parts.filter(Boolean).join("; ")}.` };
    },
  });
}
