// The audit log: every admin action with who, what, when and its parameters.
import { AdminReadProblem } from "@/components/admin/read-problem";
import { AdminTable } from "@/components/admin/admin-table";
import { td } from "@/components/admin/ui";
import { Notice } from "@/components/admin/notice";
import { loadAudit, ZAdminSearch } from "@/server/admin/load-admin-pages";
import { readAdminPage } from "@/server/auth/admin-page";
import { zodMessage } from "@/server/errors/describe-error";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<{ action?: string }> }) {
  const search = ZAdminSearch.safeParse((await searchParams).action ?? "");
  const loaded = await readAdminPage(() => loadAudit(search.success && search.data ? search.data : undefined));
  if (loaded.problem) return <AdminReadProblem problem={loaded.problem} />;
  const entries = loaded.value;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      {!search.success && <Notice error={`Action ${zodMessage(search.error)}`} />}
      <AdminTable
        caption="Admin actions, newest first (up to 200)"
        columns={["When (UTC)", "Who", "What", "Parameters"]}
        empty="No entries."
        isEmpty={entries.length === 0}
        testId="audit-log"
      >
        {entries.map((e) => (
          <tr key={e.id} data-action={e.action}>
            <td className={`${td} whitespace-nowrap`}>
              <time dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</time>
            </td>
            <td className={td}>{e.actor}</td>
            <td className={`${td} font-mono`}>{e.action}</td>
            <td className={`${td} break-all font-mono text-xs`}>{JSON.stringify(e.params)}</td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}
