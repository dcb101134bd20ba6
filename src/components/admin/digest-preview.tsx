// A subscriber's next digest as it would be sent: subject, the chosen papers and why, and the HTML in a sandboxed frame.
import type { TDigestPreviewResult } from "@/server/admin/load-digest-preview";
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
  return (
    <section aria-labelledby="preview-result-h" className={`${card} space-y-3`} data-testid="digest-preview">
      <h2 id="preview-result-h" className="text-lg font-semibold">
        Next digest for {preview.to}
      </h2>
      <p className="text-sm">
        <span className={muted}>Period</span> {preview.periodKey} · <span className={muted}>Subject</span> {preview.subject}
      </p>
      {preview.items.length === 0 ? (
        <p className={muted}>Nothing new matches this subscriber, so no digest would be sent.</p>
      ) : (
        <>
          <ol className="list-decimal space-y-1 pl-5 text-sm">
            {preview.items.map((i) => (
              <li key={i.paper.id}>
                {i.paper.title} <span className={muted}>({i.why})</span>
              </li>
            ))}
          </ol>
          <iframe
            title={`Digest preview for ${preview.to}`}
            sandbox=""
            srcDoc={preview.html}
            className="h-[32rem] w-full rounded-md border border-slate-200 bg-white dark:border-slate-800"
          />
        </>
      )}
    </section>
  );
}
