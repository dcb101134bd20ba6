// Digests: run history with counts and failures, stranded deliveries to release, "send me a test digest", and a preview of one subscriber's next digest.
import { AdminReadProblem } from "@/components/admin/read-problem";
import { Notice } from "@/components/admin/notice";
import { readActionMessage } from "@/server/admin/action-message";
import { DigestPreview } from "@/components/admin/digest-preview";
import { AdminTable } from "@/components/admin/admin-table";
import { DigestPeriod } from "@/components/admin/digest-period";
import { button, card, input, label, muted, td } from "@/components/admin/ui";
import { loadDigestPreview } from "@/server/admin/digest-tools";
import { loadDigestRuns, loadStrandedDeliveries, ZAdminSearch } from "@/server/admin/load-admin-pages";
import { readAdminPage } from "@/server/auth/admin-page";
import { zodMessage } from "@/server/errors/describe-error";
import { STRANDED_AFTER_MS } from "@/server/repo/deliveries";
import { releaseStrandedAction, sendTestDigestAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata = { title: "Digests" };

type TParams = Promise<{ preview?: string; notice?: string; error?: string; sig?: string }>;

export default async function AdminDigestsPage({ searchParams }: { searchParams: TParams }) {
  const params = await searchParams;
  const previewParam = ZAdminSearch.safeParse(params.preview ?? "");
  const previewFor = previewParam.success ? previewParam.data : "";
  const loaded = await readAdminPage(() => Promise.all([loadDigestRuns(), loadStrandedDeliveries(), previewFor ? loadDigestPreview(previewFor) : null]));
  if (loaded.problem) return <AdminReadProblem problem={loaded.problem} />;
  const [runs, stranded, preview] = loaded.value;
  const message = await readActionMessage(params);
  const error = message.error ?? (previewParam.success ? undefined : `Preview address ${zodMessage(previewParam.error)}`);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Digests</h1>
      <Notice notice={message.notice} error={error} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="test-h" className={`${card} space-y-3`}>
          <h2 id="test-h" className="text-lg font-semibold">
            Send me a test digest
          </h2>
          <form action={sendTestDigestAction} className="flex flex-wrap items-end gap-3">
            <label className={label}>
              Address
              <input name="to" type="email" required autoComplete="email" className={`${input} w-64 max-w-full`} />
            </label>
            <button type="submit" className={button}>
              Send test digest
            </button>
          </form>
        </section>
        <section aria-labelledby="preview-h" className={`${card} space-y-3`}>
          <h2 id="preview-h" className="text-lg font-semibold">
            Preview a subscriber&apos;s next digest
          </h2>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <label className={label}>
              Subscriber address
              <input name="preview" type="email" required defaultValue={previewFor} className={`${input} w-64 max-w-full`} />
            </label>
            <button type="submit" className={button}>
              Preview
            </button>
          </form>
        </section>
      </div>
      {preview && <DigestPreview result={preview} />}
      {stranded.length > 0 && (
        <section aria-labelledby="stranded-h" className={`${card} space-y-3 border-amber-400 dark:border-amber-600`}>
          <h2 id="stranded-h" className="text-lg font-semibold">
            Stranded deliveries
          </h2>
          <p className={`text-sm ${muted}`}>
            Left &quot;sending&quot; for over {STRANDED_AFTER_MS / 60_000} minutes by a process that stopped (a crash, kill -9, a failed database write). Each
            digest may or may not have reached the SMTP server, so none is sent again on its own. Releasing puts those of the current period back in the queue
            now (a copy carries the same Message-ID, so receivers can drop a duplicate) and closes those of a past period, whose papers the next digest carries.
          </p>
          <AdminTable caption="Stranded deliveries by period" columns={["Period", "Deliveries", "Claimed since"]} empty="" isEmpty={false}>
            {stranded.map((p) => (
              <tr key={p.period}>
                <th scope="row" className={td}>
                  <DigestPeriod periodKey={p.period} />
                </th>
                <td className={td}>{p.count}</td>
                <td className={`${td} whitespace-nowrap`}>{p.oldestClaimedAt.toISOString().slice(0, 19).replace("T", " ")}</td>
              </tr>
            ))}
          </AdminTable>
          <form action={releaseStrandedAction}>
            <button type="submit" className={button}>
              Release for retry
            </button>
          </form>
        </section>
      )}
      <section aria-labelledby="runs-h" className="space-y-2">
        <h2 id="runs-h" className="text-lg font-semibold">
          Runs
        </h2>
        <AdminTable
          caption="Digest runs, newest first"
          columns={["Run", "Period", "Status", "Due · sent · skipped · failed · retried", "Started", "Failures"]}
          empty="No digest runs yet."
          isEmpty={runs.length === 0}
        >
          {runs.map((r) => (
            <tr key={r.id}>
              <th scope="row" className={`${td} font-mono`}>
                #{r.id}
              </th>
              <td className={td}>
                <DigestPeriod periodKey={r.period} /> <span className={`text-xs ${muted}`}>({r.trigger})</span>
              </td>
              <td className={td}>
                {r.status}
                {r.error ? `: ${r.error}` : ""}
              </td>
              <td className={td}>
                {r.due} · {r.sent} · {r.skipped} · {r.failed} · {r.retried}
              </td>
              <td className={`${td} whitespace-nowrap`}>
                {r.startedAt.toISOString().slice(0, 19).replace("T", " ")}
                {r.durationMs !== null ? ` (${r.durationMs} ms)` : ""}
              </td>
              <td className={`${td} text-xs`}>
                {r.failures.length === 0 ? (
                  "none"
                ) : (
                  <ul>
                    {r.failures.map((f) => (
                      <li key={f.subscriberId}>
                        subscriber #{f.subscriberId}: {f.lastError ?? "unknown error"}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      </section>
    </div>
  );
}
