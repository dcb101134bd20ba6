// How a parsed listing is judged before anything is written, and the shape it is written in.
import type { TParseResult } from "@/core/sources/normalized-paper";
import type { TIncomingPaper } from "@/core/ingest/merge-paper";
import { titleKey } from "@/core/text/title-key";

export type TIngestStatus = "succeeded" | "partial" | "failed";

export function toIncoming(result: TParseResult): TIncomingPaper[] {
  return result.papers.map((p) => ({ ...p, titleKey: titleKey(p.title) }));
}

/**
 * Decides a parse's outcome before anything is written: a fatal parse or 0 of N papers writes nothing. A listing
 * with no entries at all is a quiet day, except a pasted text, which someone pasted because it holds papers.
 */
export function judgeParse(result: TParseResult, opts: { pasted?: boolean } = {}): { status: TIngestStatus; reason?: string } {
  if (result.fatal) return { status: "failed", reason: result.fatal };
  const [firstError] = result.errors;
  if (result.papers.length === 0 && firstError) {
    return { status: "failed", reason: `no paper could be read: ${result.errors.length} item(s) failed, the first with "${firstError.message}"` };
  }
  if (result.papers.length === 0 && (result.expected ?? 0) > 0) {
    return { status: "failed", reason: `format changed? found 0 papers where the source states ${result.expected}` };
  }
  if (result.papers.length === 0 && result.errors.length === 0) {
    return opts.pasted && result.source === "text"
      ? { status: "failed", reason: "no paper found in the pasted text: paste the listing's titles with their abstracts" }
      : { status: "succeeded", reason: "no papers listed (a quiet day)" };
  }
  if (result.errors.length > 0) return { status: "partial", reason: `${result.errors.length} item(s) skipped` };
  return { status: "succeeded" };
}
