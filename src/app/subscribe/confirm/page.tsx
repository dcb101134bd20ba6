// /subscribe/confirm?token=: a GET only shows the button (mail scanners prefetch links); the POST confirms.
import type { Metadata } from "next";
import { z } from "zod";
import { BusyView } from "@/components/busy-view";
import { LinkProblem } from "@/components/link-problem";
import { readForPage } from "@/server/http/page-read";
import { checkConfirmLink } from "@/server/subscriptions/subscription-service";
import { confirmAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm subscription", robots: { index: false } };

const ZQuery = z.object({ token: z.string().min(10).max(200) });

export default async function ConfirmPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const parsed = ZQuery.safeParse(query);
  // A malformed token is checked as an empty one, which no link has: the check's own "not valid" answer, in one place.
  const token = parsed.success ? parsed.data.token : "";
  const { problem } = await readForPage(() => checkConfirmLink(token));
  // Still busy after a busy press (?busy=1) or on the first visit: the page says so with its 503 instead of Next's 500.
  if (problem?.code === "UNAVAILABLE") return <BusyView title="The server is busy" detail="Nothing was changed." />;
  if (problem) {
    return (
      <LinkProblem
        title="This confirmation link does not work"
        reason={problem.userMessage}
        next={{ href: "/subscribe", label: "Subscribe again for a fresh link" }}
      />
    );
  }
  return (
    <div className="mx-auto max-w-lg space-y-4 py-8 text-center">
      {/* confirmAction's answer when the database was too busy to confirm: the link still works, so the button is pressed again. */}
      {query.busy === "1" && (
        <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-100">
          The server was too busy to confirm your subscription. Press the button again in a moment.
        </p>
      )}
      <h1 className="text-2xl font-bold">Confirm your subscription</h1>
      <p className="text-slate-600 dark:text-slate-400">
        One click confirms it. Your digest then comes with the next daily or weekly send that has new papers for you. You can choose your interests on the next
        page.
      </p>
      <form action={confirmAction}>
        <input type="hidden" name="token" value={token} />
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
