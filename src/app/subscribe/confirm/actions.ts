"use server";
// Confirms a subscription on POST only, then shows the new subscriber their preferences.
import { redirect } from "next/navigation";
import { z } from "zod";
import { queryValues } from "@/core/query-values";
import { ZLinkToken } from "@/server/auth/secrets";
import { knownError } from "@/server/errors/known-error";
import { requireFormData } from "@/server/http/action-form";
import { confirmWithToken } from "@/server/subscriptions/subscription-service";

const ZConfirm = z.object({ token: ZLinkToken });

export async function confirmAction(formData: FormData): Promise<void> {
  const parsed = ZConfirm.safeParse(queryValues(requireFormData(formData)));
  if (!parsed.success) redirect("/subscribe/confirm");
  let manageToken: string;
  try {
    ({ manageToken } = await confirmWithToken(parsed.data.token));
  } catch (err) {
    // An unknown, used or expired token: the confirm page explains which; a database too busy to confirm it: the page asks for another
    // press. Anything else is a real failure.
    const known = knownError(err);
    const again = `/subscribe/confirm?token=${encodeURIComponent(parsed.data.token)}`;
    if (known?.code === "UNAVAILABLE") redirect(`${again}&busy=1`);
    if (known && known.status < 500) redirect(again);
    throw err;
  }
  redirect(`/subscription/${manageToken}?welcome=1`);
}
