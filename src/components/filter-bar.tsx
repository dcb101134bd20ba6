// The list filters as a plain GET form, so every filtered view is a shareable URL and works without JavaScript.
import type { TListFilters } from "@/server/repo/papers";

const fieldClass = "rounded-md border border-slate-500 bg-white px-2 py-1 text-sm dark:border-slate-500 dark:bg-slate-900";

export function FilterBar({ action, filters, keepQuery = false }: { action: string; filters: TListFilters; keepQuery?: boolean }) {
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter and sort papers">
      {keepQuery && filters.q && <input type="hidden" name="q" value={filters.q} />}
      <label className="flex flex-col gap-1">
        <span>Sort</span>
        <select name="sort" defaultValue={filters.sort} className={fieldClass}>
          <option value="trending">{keepQuery ? "Relevance" : "Trending"}</option>
          <option value="new">Newest</option>
          <option value="top">Most upvoted</option>
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span>Category</span>
        <input name="cat" defaultValue={filters.category ?? ""} placeholder="cs.CL" size={8} className={fieldClass} />
      </label>
      <label className="flex flex-col gap-1">
        <span>Min upvotes</span>
        <input name="min" type="number" min={0} max={100000} inputMode="numeric" defaultValue={filters.minUpvotes || ""} className={`${fieldClass} w-24`} />
      </label>
      <label className="flex items-center gap-2 pb-1">
        <input type="checkbox" name="code" value="1" defaultChecked={filters.hasCode} className="h-4 w-4" />
        <span>Has code</span>
      </label>
      <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700">
        Apply
      </button>
    </form>
  );
}
