"use server";
// Confirms a subscription on POST only, then shows the new subscriber their preferences.
import { redirect } from "next/navigation";
import { z } from "zod";
import { confirmWithToken } from "@/server/subscriptions/subscription-service";

const ZConfirm = z.object({ token: z.string().min(10).max(200) });

export async function confirmAction(formData: FormData): Promise<void> {
  const parsed = ZConfirm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect("/subscribe/confirm");
  const manageToken = await confirmWithToken(parsed.data.token).then(
    (r) => r.manageToken,
    () => null,
  );
  if (!manageToken) redirect(`/subscribe/confirm?token=${encodeURIComponent(parsed.data.token)}`);
  redirect(`/subscription/${manageToken}?welcome=1`);
}
