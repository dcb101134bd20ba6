// The audit log: every admin action with who, what, when and its parameters.
import { muted, table, td, th } from "@/components/admin/ui";
import { loadAudit } from "@/server/admin/load-admin-pages";
import { requireAdminPage } from "@/server/auth/admin-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<{ action?: string }> }) {
  await requireAdminPage();
  const { action } = await searchParams;
  const entries = await loadAudit(typeof action === "string" && action ? action.slice(0, 100) : undefined);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Audit log</h1>
      {entries.length === 0 ? (
        <p className={muted}>No entries.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={table} data-testid="audit-log">
            <caption className="sr-only">Admin actions, newest first (up to 200)</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>When (UTC)</th>
                <th scope="col" className={th}>Who</th>
                <th scope="col" className={th}>What</th>
                <th scope="col" className={th}>Parameters</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-action={e.action}>
                  <td className={`${td} whitespace-nowrap`}><time dateTime={e.createdAt.toISOString()}>{e.createdAt.toISOString().slice(0, 19).replace("T", " ")}</time></td>
                  <td className={td}>{e.actor}</td>
                  <td className={`${td} font-mono`}>{e.action}</td>
                  <td className={`${td} break-all font-mono text-xs`}>{JSON.stringify(e.params)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
