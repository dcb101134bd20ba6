// /subscribe/confirm?token=: a GET only shows the button (mail scanners prefetch links); the POST confirms.
import type { Metadata } from "next";
import { z } from "zod";
import { LinkProblem } from "@/components/link-problem";
import { AppError, isAppError } from "@/server/errors/app-error";
import { setPageStatus } from "@/server/http/page-status";
import { checkConfirmLink } from "@/server/subscriptions/subscription-service";
import { confirmAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm subscription", robots: { index: false } };

const ZQuery = z.object({ token: z.string().min(10).max(200) });

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const parsed = ZQuery.safeParse(await searchParams);
  const problem = parsed.success
    ? await checkConfirmLink(parsed.data.token).then(
        () => null,
        (err: unknown) => {
          if (isAppError(err)) return err;
          throw err;
        },
      )
    : new AppError("NOT_FOUND", "malformed confirmation link", {
        userMessage: "This confirmation link is not valid. Check that you copied the whole link, or subscribe again.",
      });
  if (problem || !parsed.success) {
    // problem is set whenever parsing failed; the second test only tells TypeScript so.
    setPageStatus(problem?.status ?? 404);
    return (
      <LinkProblem
        title="This confirmation link does not work"
        reason={problem?.userMessage ?? "This confirmation link is not valid."}
        next={{ href: "/subscribe", label: "Subscribe again for a fresh link" }}
      />
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-4 py-8 text-center">
      <h1 className="text-2xl font-bold">Confirm your subscription</h1>
      <p className="text-slate-600 dark:text-slate-400">One click and your first digest is on its way. You can choose your interests on the next page.</p>
      <form action={confirmAction}>
        <input type="hidden" name="token" value={parsed.data.token} />
        <button
          type="submit"
          className="rounded-lg bg-indigo-700 px-5 py-2.5 font-medium text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
        >
          Confirm subscription
        </button>
      </form>
    </div>
  );
}
