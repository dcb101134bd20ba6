// A subscriber's next digest as it would be sent: headers, the chosen papers and why, and the HTML in a sandboxed frame.
import type { TDigestPreviewResult } from "@/server/admin/digest-tools";
import { DigestPeriod } from "./digest-period";
import { card, muted } from "./ui";

export function DigestPreview({ result }: { result: TDigestPreviewResult }) {
  if (!result.ok) {
    return (
      <p role="alert" className={`${card} text-sm`}>
        No preview for {result.email}: {result.message}
      </p>
    );
  }
  const { preview } = result;
  const built = preview.mail;
  return (
    <section aria-labelledby="preview-result-h" className={`${card} space-y-3`} data-testid="digest-preview">
      <h2 id="preview-result-h" className="text-lg font-semibold">
        Next digest for {preview.email}
      </h2>
      <p className="text-sm">
        <span className={muted}>Period</span> <DigestPeriod periodKey={preview.period} /> · <span className={muted}>Status</span> {preview.status}
        {preview.status !== "confirmed" && <span className={muted}> (only confirmed subscribers are sent digests)</span>}
      </p>
      {!built ? (
        <p className={muted}>{preview.skipped}</p>
      ) : (
        <>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-xs">
            <dt className={muted}>Subject</dt>
            <dd>{built.mail.subject}</dd>
            <dt className={muted}>Message-ID</dt>
            <dd className="font-mono break-all">{built.mail.messageId}</dd>
            {Object.entries(built.mail.headers ?? {}).map(([name, value]) => (
              <div key={name} className="contents">
                <dt className={muted}>{name}</dt>
                <dd className="font-mono break-all">{value}</dd>
              </div>
            ))}
          </dl>
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {built.items.map((i) => (
              <li key={i.paper.id}>
                {i.paper.title} <span className={muted}>({i.why})</span>
              </li>
            ))}
          </ol>
          <iframe
            title={`Digest preview for ${preview.email}`}
            sandbox=""
            srcDoc={built.mail.html}
            className="h-[32rem] w-full rounded-md border border-slate-200 bg-white dark:border-slate-800"
          />
        </>
      )}
    </section>
  );
}
