// What an ingestion run is asked to do: the validated parameters for each source, and the key that makes concurrent triggers one run.
import { createHash } from "node:crypto";
import { z } from "zod";
import { ZSourceId, type TSourceId } from "@/core/sources";

const MAX_BODY_CHARS = 5_000_000;

const ZParamFields = z
  .object({
    date: z.iso.date().optional(),
    week: z
      .string()
      .regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, "must be an ISO week like 2026-W19")
      .optional(),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "must be a month like 2026-05")
      .optional(),
    category: z
      .string()
      .regex(/^[a-z-]+(\.[A-Za-z-]+)?$/, "must be an arXiv category like cs.CL")
      .optional(),
    listing: z.enum(["new", "recent"]).optional(),
    paper: z
      .string()
      .regex(/^\d{4}\.\d{4,5}$/, "must be an arXiv id like 2408.00714")
      .optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    body: z.string().min(1).max(MAX_BODY_CHARS, `must be at most ${MAX_BODY_CHARS} characters`).optional(),
  })
  .strict();

type TParamFields = z.infer<typeof ZParamFields>;
const onePeriod = (p: TParamFields) => [p.date, p.week, p.month].filter(Boolean).length <= 1;
const oneInput = (p: TParamFields) => !(p.url && p.body);

export const ZIngestParams = ZParamFields.refine(onePeriod, { message: "give at most one of date, week or month" }).refine(oneInput, {
  message: "give either url or body, not both",
});

export type TIngestParams = z.infer<typeof ZIngestParams>;

export const ZIngestRequest = ZParamFields.extend({ source: ZSourceId })
  .strict()
  .refine(onePeriod, { message: "give at most one of date, week or month" })
  .refine(oneInput, { message: "give either url or body, not both" });

/** Parameters as stored on the run and shown to admins: the pasted body is replaced by its size and hash. */
export function publicParams(params: TIngestParams): Record<string, string | number> {
  const { body, ...rest } = params;
  const shown: Record<string, string | number> = { ...rest };
  if (body !== undefined) {
    shown.bodyChars = body.length;
    shown.bodySha256 = createHash("sha256").update(body).digest("hex");
  }
  return shown;
}

/** Canonical "source?k=v&..." with sorted keys, so equal requests collide on the active-run unique index. */
export function runKeyOf(source: TSourceId, params: TIngestParams): string {
  const shown = publicParams(params);
  const query = Object.keys(shown)
    .sort()
    .map((k) => `${k}=${encodeURIComponent(String(shown[k]))}`)
    .join("&");
  return query ? `${source}?${query}` : source;
}

/** INGEST_SOURCES entries such as "hf-daily" or "arxiv-rss:cs.CL", as source + params. */
export function parseIngestSources(value: string): { source: TSourceId; params: TIngestParams }[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [id, category] = entry.split(":", 2) as [string, string | undefined];
      const source = ZSourceId.safeParse(id);
      if (!source.success || source.data === "text") {
        throw new Error(
          `INGEST_SOURCES: "${entry}" is not a fetchable source (use ${ZSourceId.options.filter((s) => s !== "text").join(", ")}, optionally with :category)`,
        );
      }
      const params = ZIngestParams.safeParse(category ? { category } : {});
      if (!params.success) throw new Error(`INGEST_SOURCES: "${entry}": ${params.error.issues[0]?.message}`);
      return { source: source.data, params: params.data };
    });
}
