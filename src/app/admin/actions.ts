"use server";
// Sign-out: ends the session on the server (every copy of the cookie stops working), audited, and clears the cookie.
import { cookies } from "next/headers";
import { z } from "zod";
import { signOutAdmin } from "@/server/auth/admin-login";
import { currentSessionCookie } from "@/server/auth/admin-page";
import { adminContext } from "@/server/admin/admin-context";
import { runFormAction } from "@/server/admin/form-action";

/** A database too busy to sign out comes back to the console saying so, still signed in (runFormAction), where it was a bare 500. */
export async function signOutAction(formData: FormData): Promise<void> {
  await runFormAction({
    formData,
    schema: z.object({}),
    back: "/admin",
    run: async (_input, actor) => {
      const { db, config, now } = adminContext();
      const cleared = await signOutAdmin({ db, config, now, actor, sessionCookie: await currentSessionCookie() });
      (await cookies()).set(cleared.name, cleared.value, cleared.options);
      return { back: "/admin/login?m=signed-out" };
    },
  });
}
