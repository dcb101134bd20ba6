// The ingestion run history: parameters, status, counts and each run's per-item errors.
import type { TAdminIngestRun } from "@/server/repo/admin-runs";
import { AdminTable } from "./admin-table";
import { muted, td } from "./ui";

const STATUS_STYLE: Record<TAdminIngestRun["status"], string> = {
  queued: "text-slate-700 dark:text-slate-300",
  running: "text-indigo-700 dark:text-indigo-300",
  succeeded: "text-emerald-700 dark:text-emerald-400",
  partial: "text-amber-800 dark:text-amber-300",
  failed: "text-red-700 dark:text-red-400",
};

const params = (p: Record<string, unknown>) =>
  Object.entries(p)
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
    .join(" ");

export function IngestRunTable({ runs }: { runs: TAdminIngestRun[] }) {
  return (
    <AdminTable
      caption="Ingestion runs, newest first"
      columns={["Run", "Source and parameters", "Status", "Found / expected", "New · updated · same · skipped", "Started"]}
      empty="No runs yet."
      isEmpty={runs.length === 0}
      testId="ingest-runs"
    >
      {runs.map((r) => (
        <tr key={r.id} data-run-id={r.id} data-status={r.status}>
          <th scope="row" className={`${td} font-mono`}>
            #{r.id}
          </th>
          {/* The one column that may break anywhere: parameters hold hashes and URLs, which widened the table at 1280 px. */}
          <td className={`${td} [overflow-wrap:anywhere]`}>
            <span className="font-mono">{r.source}</span> <span className={`text-xs ${muted}`}>{params(r.params)}</span>
            {r.reason && <p className={`text-xs ${muted}`}>{r.reason}</p>}
            {r.errors.length > 0 && (
              <details className="mt-1 text-xs">
                <summary className="cursor-pointer">{r.errors.length} item error(s)</summary>
                <ul className="mt-1 list-disc space-y-0.5 pl-5">
                  {r.errors.slice(0, 50).map((e, i) => (
                    <li key={i}>
                      {e.item !== undefined && <span className="font-mono">{e.item}: </span>}
                      {e.message}
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </td>
          <td className={`${td} font-medium ${STATUS_STYLE[r.status]}`}>{r.status}</td>
          <td className={td}>
            {r.found} / {r.expected ?? "?"}
          </td>
          <td className={td}>
            {r.inserted} · {r.updated} · {r.unchanged} · {r.skipped}
          </td>
          <td className={`${td} whitespace-nowrap`}>{(r.startedAt ?? r.createdAt).toISOString().slice(0, 19).replace("T", " ")}</td>
        </tr>
      ))}
    </AdminTable>
  );
}
