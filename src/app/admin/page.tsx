// Admin dashboard: source health first, then subscriber counts and the latest admin actions.
import Link from "next/link";
import { AdminReadProblem } from "@/components/admin/read-problem";
import { SourceHealthTable } from "@/components/admin/source-health-table";
import { card, link, muted } from "@/components/admin/ui";
import { loadDashboard } from "@/server/admin/load-dashboard";
import { readAdminPage } from "@/server/auth/admin-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Dashboard" };

export default async function AdminDashboardPage() {
  const loaded = await readAdminPage(loadDashboard);
  if (loaded.problem) return <AdminReadProblem problem={loaded.problem} />;
  const { health, subscribers, audit } = loaded.value;
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Dashboard</h1>
      <section aria-labelledby="health-h" className="space-y-2">
        <h2 id="health-h" className="text-lg font-semibold">
          Source health
        </h2>
        <SourceHealthTable rows={health} />
      </section>
      <section aria-labelledby="subs-h" className="space-y-2">
        <h2 id="subs-h" className="text-lg font-semibold">
          Subscribers
        </h2>
        <dl className="grid grid-cols-2 gap-2 sm:grid-cols-5">
          {Object.entries(subscribers).map(([state, n]) => (
            <div key={state} className={card}>
              <dt className={`text-xs uppercase ${muted}`}>{state}</dt>
              <dd className="text-xl font-semibold">{n}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="audit-h" className="space-y-2">
        <h2 id="audit-h" className="text-lg font-semibold">
          Recent admin actions
        </h2>
        <ul className="space-y-1 text-sm">
          {audit.map((a) => (
            <li key={a.id}>
              <time dateTime={a.createdAt.toISOString()} className={muted}>
                {a.createdAt.toISOString().slice(0, 19).replace("T", " ")}
              </time>{" "}
              <span className="font-mono">{a.action}</span> by {a.actor}
            </li>
          ))}
        </ul>
        <Link href="/admin/audit" className={link}>
          Full audit log
        </Link>
      </section>
    </div>
  );
}
