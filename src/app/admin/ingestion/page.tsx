// Ingestion: trigger a source, watch running runs (the page refreshes itself while any run is active), the history, and "paste a listing".
import { SOURCE_IDS } from "@/core/sources";
import { AdminReadProblem } from "@/components/admin/read-problem";
import { IngestRunTable } from "@/components/admin/ingest-run-table";
import { Notice } from "@/components/admin/notice";
import { readActionMessage } from "@/server/admin/action-message";
import { button, card, input, label, muted } from "@/components/admin/ui";
import { loadIngestRuns } from "@/server/admin/load-admin-pages";
import { readAdminPage } from "@/server/auth/admin-page";
import { MAX_PASTE_CHARS } from "@/server/http/body-limits";
import { pasteListingAction, triggerIngestionAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Ingestion" };

const REFRESH_SECONDS = 2;

export default async function AdminIngestionPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { notice, error } = await readActionMessage(searchParams);
  const loaded = await readAdminPage(loadIngestRuns);
  if (loaded.problem) return <AdminReadProblem problem={loaded.problem} />;
  const runs = loaded.value;
  const active = runs.filter((r) => r.status === "queued" || r.status === "running");
  return (
    <div className="space-y-8">
      {active.length > 0 && <meta httpEquiv="refresh" content={String(REFRESH_SECONDS)} />}
      <h1 className="text-2xl font-bold">Ingestion</h1>
      <Notice notice={notice} error={error} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="trigger-h" className={`${card} space-y-3`}>
          <h2 id="trigger-h" className="text-lg font-semibold">
            Trigger a run
          </h2>
          <form action={triggerIngestionAction} className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <label className={label}>
              Source
              <select name="source" className={input} defaultValue="hf-daily">
                {SOURCE_IDS.filter((s) => s !== "text").map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
            <label className={label}>
              Category (arXiv)
              <input name="category" placeholder="cs.LG" className={input} />
            </label>
            <label className={label}>
              Date
              <input name="date" type="date" className={input} />
            </label>
            <label className={label}>
              Week
              <input name="week" placeholder="2026-W48" pattern="\d{4}-W\d{2}" className={input} />
            </label>
            <label className={label}>
              Month
              <input name="month" placeholder="2026-11" pattern="\d{4}-\d{2}" className={input} />
            </label>
            <label className={label}>
              Listing URL (optional)
              <input name="url" type="url" placeholder="https://…" className={input} />
            </label>
            <p className={`text-xs sm:col-span-2 ${muted}`}>Give at most one of date, week or month; none means the latest listing.</p>
            <div className="sm:col-span-2">
              <button type="submit" className={button}>
                Start run
              </button>
            </div>
          </form>
        </section>
        <section aria-labelledby="paste-h" className={`${card} space-y-3`}>
          <h2 id="paste-h" className="text-lg font-semibold">
            Paste a listing
          </h2>
          <form action={pasteListingAction} className="space-y-3">
            <label className={label}>
              <span>
                Text copied from a trending-papers page (the <code>text</code> source)
              </span>
              <textarea name="body" rows={8} required maxLength={MAX_PASTE_CHARS} aria-describedby="paste-limit" className={`${input} font-mono`} />
            </label>
            <p id="paste-limit" className={`text-sm ${muted}`}>
              Up to {MAX_PASTE_CHARS.toLocaleString("en")} characters: the box takes no more, so split a longer listing into several pastes.
            </p>
            <button type="submit" className={button}>
              Ingest pasted text
            </button>
          </form>
        </section>
      </div>
      <section aria-labelledby="runs-h" className="space-y-2">
        <h2 id="runs-h" className="text-lg font-semibold">
          Runs
        </h2>
        <p className={`text-sm ${muted}`} aria-live="polite">
          {active.length > 0 ? `${active.length} run(s) in progress; this page refreshes every ${REFRESH_SECONDS} s.` : "No run in progress."}
        </p>
        <IngestRunTable runs={runs} />
      </section>
    </div>
  );
}
