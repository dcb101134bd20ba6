// What an ingestion run is asked to do: the one schema for its parameters, whichever trigger asks, and the key that makes concurrent triggers one run.
import { createHash } from "node:crypto";
import { z } from "zod";
import { addDays, parsePeriod, todayUtc, type TPeriodKind } from "@/core/periods";
import { ZSourceId, type TSourceId } from "@/core/sources";
import { parseArxivId } from "@/core/text/arxiv-id";
import { hasControlChars, NO_CONTROL_CHARS, stripNul } from "@/core/text/control-chars";
import { MAX_PASTE_CHARS } from "../http/body-limits";

const ZArxivPaper = z.string().transform((value, ctx) => {
  const parsed = parseArxivId(value);
  if (parsed) return parsed.id;
  ctx.addIssue({ code: "custom", message: "must be an arXiv id like 2408.00714" });
  return z.NEVER;
});

/** arXiv's first listing: no source lists papers before it. */
const FIRST_LISTING_DAY = "1991-08-14";

/**
 * A day, ISO week or month as the period pages read it (parsePeriod), which some source can list: from arXiv's first listing to
 * tomorrow (a listing's day runs ahead of UTC in the east). A typo such as 0202-05-08 is a 400 naming the range, not a run that fails.
 */
function listingPeriod(kind: TPeriodKind, shapeMessage: string) {
  return z
    .string()
    .superRefine((value, ctx) => {
      const period = parsePeriod(kind, value);
      if (!period) {
        ctx.addIssue({ code: "custom", message: shapeMessage });
        return;
      }
      const lastDay = addDays(todayUtc(new Date()), 1);
      if (period.end < FIRST_LISTING_DAY || period.start > lastDay) {
        ctx.addIssue({ code: "custom", message: `must fall within the listings, from ${FIRST_LISTING_DAY} to ${lastDay}` });
      }
    })
    .optional();
}

const ZParamFields = z
  .object({
    date: listingPeriod("day", "must be a day like 2026-05-08"),
    week: listingPeriod("week", "must be an ISO week like 2026-W19"),
    month: listingPeriod("month", "must be a month like 2026-05"),
    category: z
      .string()
      .regex(/^[a-z-]+(\.[A-Za-z-]+)?$/, "must be an arXiv category like cs.CL")
      .optional(),
    listing: z.enum(["new", "recent"]).optional(),
    paper: ZArxivPaper.optional(),
    // As the URL parser writes it (host in lower case, default port and dot segments dropped) and without a fragment, which no
    // server sees: HUGGINGFACE.CO and huggingface.co were two run keys, so two runs of one page at once.
    url: z
      .url({ protocol: /^https?$/ })
      .refine((url) => !hasControlChars(url), NO_CONTROL_CHARS)
      .transform((url) => {
        const parsed = new URL(url);
        parsed.hash = "";
        return parsed.href;
      })
      .optional(),
    // A copied page can carry a stray NUL, which PostgreSQL text cannot store and no parser reads: it is dropped, the rest is kept.
    body: z
      .string()
      .transform(stripNul)
      .pipe(
        z
          .string()
          .min(1, "the pasted listing is empty")
          .max(MAX_PASTE_CHARS, `must be at most ${MAX_PASTE_CHARS.toLocaleString("en")} characters`),
      )
      .optional(),
  })
  .strict();

type TParamFields = z.infer<typeof ZParamFields>;
const onePeriod = (p: TParamFields) => [p.date, p.week, p.month].filter(Boolean).length <= 1;
const oneInput = (p: TParamFields) => !(p.url && p.body);

export const ZIngestParams = ZParamFields.refine(onePeriod, { message: "give at most one of date, week or month" }).refine(oneInput, {
  message: "give either url or body, not both",
});

export type TIngestParams = z.infer<typeof ZIngestParams>;

/**
 * A request to ingest: a source and its parameters, from the admin form, the JSON API or a paste. Empty strings count as absent. An
 * array passes as it is, for the object schema to say so ("[]" read as {} was told its source was missing).
 */
export const ZIngestRequest = z.preprocess(
  (value) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== ""))
      : value,
  ZParamFields.extend({ source: ZSourceId }).strict().refine(onePeriod, { message: "give at most one of date, week or month" }).refine(oneInput, {
    message: "give either url or body, not both",
  }),
);

/** Parameters as stored on the run and shown to admins: absent ones left out, a pasted body replaced by its size and hash. */
export function publicParams(params: TIngestParams): Record<string, string | number> {
  const shown: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (key === "body") {
      shown.bodyChars = String(value).length;
      shown.bodySha256 = createHash("sha256").update(String(value)).digest("hex");
    } else shown[key] = value;
  }
  return shown;
}

/** The parameters a stored run was triggered with: its shown parameters, less the body's size and hash, plus the kept body. */
export function storedParams(run: { params: Record<string, unknown>; body: string | null }): TIngestParams {
  const { bodyChars: _chars, bodySha256: _hash, ...params } = run.params;
  return ZIngestParams.parse({ ...params, ...(run.body !== null ? { body: run.body } : {}) });
}

/** Canonical "source?k=v&..." with sorted keys, so equal requests collide on the active-run unique index, whoever triggers them. */
export function runKeyOf(source: TSourceId, params: TIngestParams): string {
  const shown = publicParams(params);
  const query = Object.keys(shown)
    .sort()
    .map((k) => `${k}=${encodeURIComponent(String(shown[k]))}`)
    .join("&");
  return query ? `${source}?${query}` : source;
}

/** INGEST_SOURCES entries such as "hf-daily" or "arxiv-rss:cs.CL", as source + params; checked with the rest of the configuration at start. */
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
          `INGEST_SOURCES has "${entry}", which is not a fetchable source (use ${ZSourceId.options.filter((s) => s !== "text").join(", ")}, optionally with :category)`,
        );
      }
      const params = ZIngestParams.safeParse(category ? { category } : {});
      if (!params.success) throw new Error(`INGEST_SOURCES has "${entry}": ${params.error.issues[0]?.message}`);
      return { source: source.data, params: params.data };
    });
}
