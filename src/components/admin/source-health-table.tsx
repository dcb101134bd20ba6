// The dashboard's per-source health: last success, newest listing day, found vs expected, error rate and warnings.
import type { TSourceHealth } from "@/server/admin/assess-source-health";
import { AdminTable } from "./admin-table";
import { td } from "./ui";

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ") + " UTC";

export function SourceHealthTable({ rows }: { rows: TSourceHealth[] }) {
  return (
    <AdminTable
      caption="Source health"
      columns={["Source", "Last successful run", "Newest listing day", "Last run: found / expected", "Error rate", "Warnings"]}
      empty="No sources configured or ingested yet."
      isEmpty={rows.length === 0}
      testId="source-health"
    >
      {rows.map((h) => (
        <tr key={h.source} data-source={h.source}>
          <th scope="row" className={`${td} whitespace-nowrap font-mono font-medium`}>
            {h.source}
          </th>
          <td className={td}>{h.lastSuccess ? `#${h.lastSuccess.runId} · ${when(h.lastSuccess.at)}` : "never"}</td>
          <td className={td}>{h.newestListingDay ?? "none"}</td>
          <td className={td}>{h.lastRun ? `${h.lastRun.found} / ${h.lastRun.expected ?? "?"} (${h.lastRun.status})` : "no runs"}</td>
          <td className={td}>{h.errorRate === null ? "n/a" : `${Math.round(h.errorRate * 100)}% of ${h.finishedRuns}`}</td>
          <td className={td}>
            {h.warnings.length === 0 ? (
              <span className="text-emerald-700 dark:text-emerald-400">OK</span>
            ) : (
              <ul className="space-y-1">
                {h.warnings.map((w) => (
                  <li key={w.kind} data-warning={w.kind} className="font-medium text-amber-800 dark:text-amber-300">
                    <span aria-hidden="true">⚠ </span>
                    {w.message}
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </AdminTable>
  );
}
