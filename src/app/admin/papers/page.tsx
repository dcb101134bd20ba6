// Papers: search (hidden ones included), take down or restore, and fix a wrong field.
import Link from "next/link";
import { paperPath } from "@/core/digest/paper-links";
import { AdminReadProblem } from "@/components/admin/read-problem";
import { Notice } from "@/components/admin/notice";
import { readActionMessage } from "@/server/admin/action-message";
import { AdminTable } from "@/components/admin/admin-table";
import { button, buttonQuiet, input, label, link, muted, td } from "@/components/admin/ui";
import { FIXABLE_FIELDS } from "@/server/admin/paper-admin";
import { loadAdminPapers, ZAdminSearch } from "@/server/admin/load-admin-pages";
import { readAdminPage } from "@/server/auth/admin-page";
import { ERROR_STATUS } from "@/server/errors/app-error";
import { zodMessage } from "@/server/errors/describe-error";
import { setPageStatus } from "@/server/http/page-status";
import { fixFieldAction, setHiddenAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Papers" };

type TParams = Promise<{ q?: string; hidden?: string; notice?: string; error?: string; sig?: string }>;

export default async function AdminPapersPage({ searchParams }: { searchParams: TParams }) {
  const params = await searchParams;
  const { notice, error } = await readActionMessage(params);
  const search = ZAdminSearch.safeParse(params.q ?? "");
  // The page shows what is wrong with the search, answered with 400 as every refused search is (page-status.ts).
  if (!search.success) setPageStatus(ERROR_STATUS.INVALID_INPUT);
  const q = search.success ? search.data : "";
  const hiddenOnly = params.hidden === "1";
  const loaded = await readAdminPage(() => loadAdminPapers(q, hiddenOnly));
  if (loaded.problem) return <AdminReadProblem problem={loaded.problem} />;
  const papers = loaded.value;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Papers</h1>
      <Notice notice={notice} error={error ?? (search.success ? undefined : `Search ${zodMessage(search.error)}`)} />
      <form role="search" method="get" className="flex flex-wrap items-end gap-3">
        <label className={label}>
          Title, author or arXiv id
          <input name="q" defaultValue={q} className={`${input} w-72 max-w-full`} />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="hidden" value="1" defaultChecked={hiddenOnly} /> Hidden only
        </label>
        <button type="submit" className={button}>
          Search
        </button>
      </form>
      <AdminTable caption="Papers, newest first" columns={["Paper", "Listed", "State", "Actions"]} empty="No papers match." isEmpty={papers.length === 0}>
        {papers.map((p) => (
          <tr key={p.id} data-testid="admin-paper" data-paper-id={p.id}>
            <td className={td}>
              <Link href={paperPath(p)} className={`${link} font-medium`}>
                {p.title}
              </Link>
              <p className={`text-xs ${muted}`}>
                #{p.id} · {p.arxivId ?? "no arXiv id"} · {p.authors.slice(0, 3).join(", ")}
                {p.authors.length > 3 ? " et al." : ""} · {p.sources.join(", ")}
              </p>
              {Object.keys(p.overrides).length > 0 && (
                <p className="text-xs text-amber-800 dark:text-amber-300">Fixed: {Object.keys(p.overrides).join(", ")}</p>
              )}
            </td>
            <td className={`${td} whitespace-nowrap`}>{p.listedOn}</td>
            <td className={td}>{p.hidden ? <span className="font-medium text-red-700 dark:text-red-400">hidden</span> : "visible"}</td>
            <td className={`${td} space-y-2`}>
              <form action={setHiddenAction}>
                <input type="hidden" name="id" value={p.id} />
                <input type="hidden" name="q" value={q} />
                <input type="hidden" name="hidden" value={p.hidden ? "false" : "true"} />
                <button type="submit" className={buttonQuiet} aria-label={`${p.hidden ? "Unhide" : "Hide"} ${p.title}`}>
                  {p.hidden ? "Unhide" : "Hide"}
                </button>
              </form>
              <details>
                <summary className="cursor-pointer text-sm">Fix a field</summary>
                <form action={fixFieldAction} className="mt-2 flex flex-col gap-2">
                  <input type="hidden" name="id" value={p.id} />
                  <input type="hidden" name="q" value={q} />
                  <label className={label}>
                    Field
                    <select name="field" className={input}>
                      {FIXABLE_FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {f}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label className={label}>
                    New value (lists: one per line, or one line separated by commas; links: empty removes)
                    <textarea name="value" rows={2} className={input} />
                  </label>
                  <button type="submit" className={button}>
                    Save fix
                  </button>
                </form>
              </details>
            </td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
