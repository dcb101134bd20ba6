// The admin sign-in form: ADMIN_TOKEN, or ADMIN_PASSWORD when one is set.
import type { Metadata } from "next";
import { Notice } from "@/components/admin/notice";
import { AdminReadProblem } from "@/components/admin/read-problem";
import { button, card, input, label, muted } from "@/components/admin/ui";
import { redirect } from "next/navigation";
import { currentAdmin } from "@/server/auth/admin-page";
import { readForPage } from "@/server/http/page-read";
import { signInAction } from "./actions";
import { signInMessage } from "./sign-in-messages";

export const metadata: Metadata = { title: "Admin sign-in", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function AdminLoginPage({ searchParams }: { searchParams: Promise<{ m?: string | string[] }> }) {
  const signedIn = await readForPage(currentAdmin);
  if (signedIn.problem) return <AdminReadProblem problem={signedIn.problem} />;
  if (signedIn.value) redirect("/admin");
  const { notice, error } = signInMessage((await searchParams).m);
  return (
    <div className="mx-auto max-w-sm space-y-4">
      <h1 className="text-2xl font-bold">Admin sign-in</h1>
      <Notice notice={notice} error={error} />
      <form action={signInAction} className={`${card} space-y-3`}>
        <label className={label}>
          Admin token or password
          <input name="credential" type="password" autoComplete="current-password" required className={input} />
        </label>
        <button type="submit" className={button}>
          Sign in
        </button>
      </form>
      <p className={`text-sm ${muted}`}>
        The token is ADMIN_TOKEN, or the one generated on the first start, kept in <code>secrets.json</code> in DATA_DIR (<code>.data</code> by default;{" "}
        <code>npm start</code> names the file when it generates it).
      </p>
    </div>
  );
}
