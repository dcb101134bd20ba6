// /admin/mail: the mail captured while SMTP_URL is unset, newest first. Admin session required.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ZRowId } from "@/core/row-id";
import { getDb } from "@/server/db";
import { listCapturedMail } from "@/server/repo/captured-mail";
import { requireAdminPage } from "@/server/auth/admin-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Captured mail", robots: { index: false } };

const ZQuery = z.object({ before: ZRowId.optional() });

export default async function CapturedMailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const query = ZQuery.safeParse(await searchParams);
  const q = query.success ? query.data : {};
  const mails = await listCapturedMail({ db: getDb(), limit: 50, beforeId: q.before });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Captured mail</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">SMTP_URL is unset, so outgoing mail is kept here instead of sent.</p>
      {mails.length === 0 ? (
        <p>No mail captured yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-800">
              <th scope="col" className="py-2 pr-3">
                Sent
              </th>
              <th scope="col" className="py-2 pr-3">
                To
              </th>
              <th scope="col" className="py-2">
                Subject
              </th>
            </tr>
          </thead>
          <tbody>
            {mails.map((m) => (
              <tr key={m.id} className="border-b border-slate-100 dark:border-slate-900" data-testid="captured-mail-row">
                <td className="py-2 pr-3 whitespace-nowrap">
                  <time dateTime={m.createdAt.toISOString()}>{m.createdAt.toISOString().replace("T", " ").slice(0, 19)}</time>
                </td>
                <td className="py-2 pr-3 break-all">{m.to}</td>
                <td className="py-2">
                  <Link
                    href={`/admin/mail/${m.id}`}
                    className="text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
                  >
                    {m.subject}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {mails.length === 50 && (
        <Link href={`/admin/mail?before=${mails[mails.length - 1]!.id}`} className="text-indigo-700 hover:underline dark:text-indigo-300">
          Older mail
        </Link>
      )}
    </div>
  );
}
