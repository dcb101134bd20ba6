// A source's AI-written summary, labelled as the source's, with the paper's own abstract one click away (<details>, no JS needed).
import type { ReactNode } from "react";

/** Only Hugging Face's listings carry an AI summary (src/core/sources/hf-item.ts). */
const SUMMARY_SOURCE = "Hugging Face";

/** `open`: the abstract shown from the start, as the paper's own page shows it (a card keeps it one click away). */
export function AiSummary({ summary, abstractLabel, open, children }: { summary: string; abstractLabel: string; open?: boolean; children: ReactNode }) {
  return (
    <div className="ai-summary" data-testid="ai-summary">
      <p className="card-abstract">
        <span className="mr-1 rounded bg-slate-100 px-1.5 whitespace-nowrap py-0.5 text-xs font-medium dark:bg-slate-800">AI summary · {SUMMARY_SOURCE}</span>
        {summary}
      </p>
      <details className="mt-1" open={open}>
        <summary>{abstractLabel}</summary>
        {children}
      </details>
    </div>
  );
}
