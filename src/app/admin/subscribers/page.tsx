// Subscribers: counts by state, search by address, and the CSV export.
import { AdminReadProblem } from "@/components/admin/read-problem";
import { Notice } from "@/components/admin/notice";
import { readActionMessage } from "@/server/admin/action-message";
import { AdminTable } from "@/components/admin/admin-table";
import { button, buttonQuiet, card, input, label, muted, td } from "@/components/admin/ui";
import { loadSubscribers, ZAdminSearch } from "@/server/admin/load-admin-pages";
import { readAdminPage } from "@/server/auth/admin-page";
import { ERROR_STATUS } from "@/server/errors/app-error";
import { zodMessage } from "@/server/errors/describe-error";
import { setPageStatus } from "@/server/http/page-status";
import { SUBSCRIBER_STATES, type TSubscriberState } from "@/server/repo/admin-subscribers";

export const dynamic = "force-dynamic";
export const metadata = { title: "Subscribers" };

type TParams = Promise<{ q?: string; status?: string; notice?: string; error?: string; sig?: string }>;

const isState = (v: unknown): v is TSubscriberState => SUBSCRIBER_STATES.includes(v as TSubscriberState);

export default async function AdminSubscribersPage({ searchParams }: { searchParams: TParams }) {
  const params = await searchParams;
  const { notice, error } = await readActionMessage(params);
  const search = ZAdminSearch.safeParse(params.q ?? "");
  // The page shows what is wrong with the search, answered with 400 as every refused search is (page-status.ts).
  if (!search.success) setPageStatus(ERROR_STATUS.INVALID_INPUT);
  const q = search.success ? search.data : "";
  const status = isState(params.status) ? params.status : undefined;
  const loaded = await readAdminPage(() => loadSubscribers(q, status));
  if (loaded.problem) return <AdminReadProblem problem={loaded.problem} />;
  const { counts, rows } = loaded.value;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Subscribers</h1>
      <Notice notice={notice} error={error ?? (search.success ? undefined : `Search ${zodMessage(search.error)}`)} />
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5" data-testid="subscriber-counts">
        {SUBSCRIBER_STATES.map((s) => (
          <div key={s} className={card} data-state={s}>
            <dt className={`text-xs uppercase ${muted}`}>{s}</dt>
            <dd className="text-xl font-semibold">{counts[s]}</dd>
          </div>
        ))}
      </dl>
      <div className="flex flex-wrap items-end gap-3">
        <form role="search" method="get" className="flex flex-wrap items-end gap-3">
          <label className={label}>
            Address contains
            <input name="q" type="search" defaultValue={q} className={`${input} w-64 max-w-full`} />
          </label>
          <label className={label}>
            State
            <select name="status" defaultValue={status ?? ""} className={input}>
              <option value="">any</option>
              {SUBSCRIBER_STATES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className={button}>
            Search
          </button>
        </form>
        <a href="/api/admin/subscribers.csv" download className={`${buttonQuiet} ml-auto`}>
          Export CSV
        </a>
      </div>
      <AdminTable
        caption="Subscribers, newest first (up to 100)"
        columns={["Address", "State", "Frequency", "Interests", "Bounces", "Last digest"]}
        empty="No subscribers match."
        isEmpty={rows.length === 0}
      >
        {rows.map((s) => (
          <tr key={s.id} data-testid="admin-subscriber">
            <th scope="row" className={`${td} font-normal`}>
              {s.email}
            </th>
            <td className={td}>{s.status}</td>
            <td className={td}>{s.frequency}</td>
            <td className={`${td} text-xs`}>
              {[...s.keywords, ...s.categories].join(", ") || "everything"}
              {s.onlyWithCode ? " · code only" : ""}
            </td>
            <td className={td}>{s.bounceCount}</td>
            <td className={`${td} whitespace-nowrap`}>{s.lastDigestAt?.toISOString().slice(0, 10) ?? "never"}</td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
