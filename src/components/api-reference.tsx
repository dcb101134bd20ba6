// The /api page's body: how to call the JSON API, one curl example per route, and where the machine-readable document lives.
import type { TApiReferenceEntry } from "@/server/http/api-routes";

const METHOD_CLASS: Record<string, string> = {
  GET: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  POST: "bg-indigo-100 text-indigo-900 dark:bg-indigo-950 dark:text-indigo-200",
};

const code = "rounded bg-slate-100 px-1 py-0.5 font-mono text-sm dark:bg-slate-800";

function Route({ entry }: { entry: TApiReferenceEntry }) {
  return (
    <section aria-labelledby={entry.operationId} className="space-y-2 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
      <h2 id={entry.operationId} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
        <span className={`rounded px-2 py-0.5 font-mono text-sm ${METHOD_CLASS[entry.method] ?? ""}`}>{entry.method}</span>
        <code className="font-mono text-base">{entry.path}</code>
        <span className="text-slate-700 dark:text-slate-300">· {entry.summary}</span>
        {entry.admin && (
          <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">admin</span>
        )}
      </h2>
      <p className="text-slate-700 dark:text-slate-300">{entry.description}</p>
      <pre
        tabIndex={0}
        aria-label={`Example: ${entry.summary}`}
        className="overflow-x-auto whitespace-pre-wrap rounded-lg bg-slate-900 p-3 font-mono text-sm text-slate-100 dark:bg-black"
      >
        <code>{entry.curl}</code>
      </pre>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700 dark:text-slate-300">
        {entry.statuses.map((s) => (
          <li key={s.status}>
            <span className="font-mono font-semibold">{s.status}</span> {s.description}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ApiReference({ entries, adminAuth }: { entries: TApiReferenceEntry[]; adminAuth: { bearer: string; cookie: string } }) {
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">API</h1>
        <p className="text-slate-700 dark:text-slate-300">
          The papers, subscriptions and the admin&apos;s ingestion as JSON. The whole contract, generated from the schemas the server validates with, is the
          OpenAPI 3.1 document at{" "}
          <a href="/api/openapi.json" className="link underline">
            /api/openapi.json
          </a>{" "}
          (load it into any OpenAPI client or code generator).
        </p>
        <p className="text-slate-700 dark:text-slate-300">
          Every error answers <code className={code}>{'{"error": {"code": "INVALID_INPUT", "message": "…"}}'}</code> with the status its code maps to (400, 401,
          404, 409, 413, 429…); the message is safe to show. Admin routes take <code className={code}>{adminAuth.bearer}</code> or {adminAuth.cookie}.
        </p>
      </div>
      <nav aria-label="Routes">
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {entries.map((e) => (
            <li key={e.operationId}>
              <a href={`#${e.operationId}`} className="link">
                {e.method} {e.path}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {entries.map((e) => (
        <Route key={e.operationId} entry={e} />
      ))}
    </div>
  );
}
