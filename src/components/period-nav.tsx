// Previous/next links that skip days without papers, and a native date picker (a GET form, no client JavaScript).
import { formatPeriodLabel, periodOf, periodPath, type TPeriod } from "@/core/periods";

const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";

export function PeriodNav({ period, prevDay, nextDay }: { period: TPeriod; prevDay: string | null; nextDay: string | null }) {
  const prev = prevDay ? periodOf(period.kind, prevDay) : null;
  const next = nextDay ? periodOf(period.kind, nextDay) : null;
  return (
    <nav aria-label="Periods" className="flex flex-wrap items-end gap-3">
      {prev ? (
        <a href={periodPath(prev)} className={linkClass} rel="prev">
          ← {formatPeriodLabel(prev)}
        </a>
      ) : (
        <span className="px-3 py-1.5 text-sm text-slate-600 dark:text-slate-400">No earlier papers</span>
      )}
      {next ? (
        <a href={periodPath(next)} className={linkClass} rel="next">
          {formatPeriodLabel(next)} →
        </a>
      ) : (
        <span className="px-3 py-1.5 text-sm text-slate-600 dark:text-slate-400">No later papers</span>
      )}
      <form action="/papers/go" method="get" className="flex items-end gap-2 text-sm">
        <input type="hidden" name="view" value={period.kind} />
        <label className="flex flex-col gap-1">
          <span>Go to date</span>
          <input
            type="date"
            name="date"
            required
            defaultValue={period.start}
            className="rounded-md border border-slate-500 bg-white px-2 py-1 dark:border-slate-500 dark:bg-slate-900"
          />
        </label>
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700">
          Go
        </button>
      </form>
    </nav>
  );
}
