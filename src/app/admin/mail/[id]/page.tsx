// /admin/mail/<id>: one captured message, its headers, text part, and HTML part in a sandboxed iframe (no scripts, no same-origin).
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ZRowId } from "@/core/row-id";
import { AdminReadProblem } from "@/components/admin/read-problem";
import { LinkProblem } from "@/components/link-problem";
import { getDb } from "@/server/db";
import { getCapturedMail } from "@/server/repo/captured-mail";
import { readAdminPage } from "@/server/auth/admin-page";
import { setPageStatus } from "@/server/http/page-status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Captured mail", robots: { index: false } };

const ZParams = z.object({ id: ZRowId });

export default async function CapturedMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = ZParams.safeParse(await params);
  const loaded = await readAdminPage(async () => (parsed.success ? getCapturedMail({ db: getDb(), id: parsed.data.id }) : null));
  if (loaded.problem) return <AdminReadProblem problem={loaded.problem} />;
  const mail = loaded.value;
  if (!mail) {
    // Rendered here with its 404 (setPageStatus): notFound() sends a shell that only JavaScript fills.
    setPageStatus(404);
    return (
      <LinkProblem
        title="No captured message here"
        reason="No message has this number in this database: the link may be mistyped, or copied from another installation."
        next={{ href: "/admin/mail", label: "← All captured mail" }}
      />
    );
  }
  const headers: [string, string][] = [
    ["From", mail.from],
    ["To", mail.to],
    ["Subject", mail.subject],
    ["Date", mail.createdAt.toISOString()],
    ["Message-ID", mail.messageId ?? ""],
    ...Object.entries(mail.headers),
  ];
  return (
    <article className="space-y-6">
      <Link href="/admin/mail" className="text-indigo-700 hover:underline dark:text-indigo-300">
        ← All captured mail
      </Link>
      <h1 className="text-2xl font-bold break-words">{mail.subject}</h1>
      <section aria-labelledby="headers-heading">
        <h2 id="headers-heading" className="text-lg font-semibold">
          Headers
        </h2>
        <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          {headers.map(([k, v]) => (
            <div key={k} className="contents">
              <dt className="font-medium">{k}</dt>
              <dd className="break-all">{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      {mail.html && (
        <section aria-labelledby="html-heading">
          <h2 id="html-heading" className="text-lg font-semibold">
            HTML part
          </h2>
          <iframe
            title="HTML part of the message"
            sandbox=""
            srcDoc={mail.html}
            className="mt-2 h-[32rem] w-full rounded-lg border border-slate-300 bg-white dark:border-slate-700"
          />
        </section>
      )}
      <section aria-labelledby="text-heading">
        <h2 id="text-heading" className="text-lg font-semibold">
          Text part
        </h2>
        <pre className="mt-2 overflow-x-auto whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-4 text-sm dark:bg-slate-900" data-testid="mail-text">
          {mail.text ?? ""}
        </pre>
      </section>
    </article>
  );
}
