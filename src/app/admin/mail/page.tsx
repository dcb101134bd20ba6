// /admin/mail: the mail captured while SMTP_URL is unset, newest first. Admin session required.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ZRowId } from "@/core/row-id";
import { getDb } from "@/server/db";
import { listCapturedMail } from "@/server/repo/captured-mail";
import { readAdminPage } from "@/server/auth/admin-page";
import { AdminReadProblem } from "@/components/admin/read-problem";
import { AdminTable } from "@/components/admin/admin-table";
import { link, td } from "@/components/admin/ui";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Captured mail", robots: { index: false } };

const ZQuery = z.object({ before: ZRowId.optional() });

export default async function CapturedMailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = ZQuery.safeParse(await searchParams);
  const q = query.success ? query.data : {};
  const loaded = await readAdminPage(() => listCapturedMail({ db: getDb(), limit: 50, beforeId: q.before }));
  if (loaded.problem) return <AdminReadProblem problem={loaded.problem} />;
  const mails = loaded.value;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Captured mail</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">SMTP_URL is unset, so outgoing mail is kept here instead of sent.</p>
      <AdminTable caption="Captured mail, newest first" columns={["Sent", "To", "Subject"]} empty="No mail captured yet." isEmpty={mails.length === 0}>
        {mails.map((m) => (
          <tr key={m.id} data-testid="captured-mail-row">
            <td className={`${td} whitespace-nowrap`}>
              <time dateTime={m.createdAt.toISOString()}>{m.createdAt.toISOString().replace("T", " ").slice(0, 19)}</time>
            </td>
            <td className={`${td} break-all`}>{m.to}</td>
            <td className={td}>
              <Link href={`/admin/mail/${m.id}`} className={link}>
                {m.subject}
              </Link>
            </td>
          </tr>
        ))}
      </AdminTable>
      {mails.length === 50 && (
        <Link href={`/admin/mail?before=${mails[mails.length - 1]!.id}`} className={link}>
          Older mail
        </Link>
      )}
    </div>
  );
}
