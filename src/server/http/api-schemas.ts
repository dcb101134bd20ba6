// The JSON API's contract in zod: the request schemas its route handlers parse with and the shapes they answer with (their bodies are
// typed with these), from which /api/openapi.json is generated, so the document and the code are one and the same.
import { z } from "zod";
import { ZFeedFilterParams } from "@/core/search";
import { ZRowId } from "@/core/row-id";
import { ERROR_STATUS, type TErrorCode } from "../errors/app-error";
import { MAX_PAGE_SIZE } from "../repo/papers";

const limitMessage = `must be a whole number from 1 to ${MAX_PAGE_SIZE}`;

/** A page size from a query string (GET /api/papers, GET /api/admin/ingest); the list filters come from ZFeedFilterParams, parsed by parseFeedFilters. */
export const ZPapersLimit = z.object({
  limit: z
    .string()
    .regex(/^\d{1,3}$/, limitMessage)
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_PAGE_SIZE, limitMessage)
    .default(20),
});

/** Everything GET /api/papers reads from its query string. */
export const ZPapersQuery = ZFeedFilterParams.extend(ZPapersLimit.shape);

/** GET /api/papers/{id}: an arXiv id (2408.00714, with or without a version), or `p-<id>` for a paper known by its title alone. */
export const ZPaperParams = z.object({ id: z.string().min(1).max(300) });

/** GET /api/admin/ingest: a page of runs, newest first; `cursor` is the previous page's nextCursor. */
export const ZIngestListQuery = z.object({
  limit: ZPapersLimit.shape.limit,
  cursor: ZRowId.optional(),
});

/** GET /api/admin/ingest/runs/{id}: a run id; anything else names no run (404). */
export const ZIngestRunParams = z.object({ id: z.string().regex(/^\d{1,9}$/) });

const ZDay = z.iso.date();
const ZInstant = z.iso.datetime();
const ZCount = z.number().int().min(0);

/** A paper as the feed lists it (TPaper, src/core/paper.ts). */
const ZPaper = z
  .object({
    id: z.number().int(),
    arxivId: z.string().nullable().meta({ description: "null for papers known by title alone" }),
    title: z.string(),
    abstract: z.string(),
    authors: z.array(z.string()),
    listedOn: ZDay.meta({ description: "the UTC day the paper was listed" }),
    publishedAt: ZInstant.nullable().optional(),
    upvotes: z.number().int(),
    githubUrl: z.string().nullable().optional(),
    githubStars: z.number().int().nullable().optional(),
    projectUrl: z.string().nullable().optional(),
    thumbnailUrl: z.string().nullable().optional(),
    categories: z.array(z.string()),
    primaryCategory: z.string().nullable().optional(),
    keywords: z.array(z.string()).optional(),
    aiSummary: z.string().nullable().optional().meta({ description: "the source's AI-written summary (Hugging Face), when it gives one" }),
    organization: z.string().nullable().optional().meta({ description: "the organization the source lists the paper under" }),
    thumbnail: z
      .object({ src: z.string(), width: z.number().int(), height: z.number().int() })
      .nullable()
      .optional()
      .meta({ description: "our stored copy of the thumbnail (a path on this site) with its size; null when none is stored" }),
    trendingScore: z.number().optional().meta({ description: "the stored trending score: higher is more trending" }),
  })
  .meta({ id: "Paper" });

export const ZPapersResponse = z
  .object({
    papers: z.array(ZPaper),
    nextCursor: z.string().nullable().meta({ description: "pass as `cursor` for the next page; null on the last page" }),
  })
  .meta({ id: "PaperPage" });

export const ZPaperResponse = z
  .object({
    paper: ZPaper,
    metrics: z.array(z.object({ at: ZInstant, upvotes: z.number().int().nullable(), githubStars: z.number().int().nullable() })),
    similar: z.array(z.object({ id: z.number().int(), arxivId: z.string().nullable(), title: z.string() })),
  })
  .meta({ id: "PaperDetail" });

export const ZSubscribeAccepted = z.object({ message: z.string() }).meta({ id: "SubscribeAccepted" });

const ZRunStatus = z.enum(["queued", "running", "succeeded", "partial", "failed"]);

export const ZIngestQueued = z
  .object({ runId: z.number().int(), status: ZRunStatus, runKey: z.string().meta({ description: "source and canonical parameters" }) })
  .meta({ id: "IngestQueued" });

const ZIngestRun = z
  .object({
    id: z.number().int(),
    source: z.string(),
    params: z.record(z.string(), z.unknown()).meta({ description: "the parameters shown: a pasted body as bodyChars and bodySha256" }),
    runKey: z.string(),
    trigger: z.string(),
    status: ZRunStatus,
    reason: z.string().nullable(),
    counts: z.object({ found: ZCount, expected: ZCount.nullable(), inserted: ZCount, updated: ZCount, unchanged: ZCount, skipped: ZCount }),
    errors: z.array(z.object({ message: z.string(), index: z.number().int().optional(), id: z.string().optional(), page: z.number().int().optional() })),
    timings: z.record(z.string(), z.number()).meta({ description: "milliseconds per step, and progress such as pagesDone" }),
    newestListedOn: ZDay.nullable(),
    createdAt: ZInstant,
    startedAt: ZInstant.nullable(),
    finishedAt: ZInstant.nullable(),
  })
  .meta({ id: "IngestRun" });

export const ZIngestRunResponse = ZIngestRun;

export const ZIngestRunPage = z
  .object({ runs: z.array(ZIngestRun), nextCursor: z.number().int().nullable().meta({ description: "pass as `cursor` for older runs" }) })
  .meta({ id: "IngestRunPage" });

export const ZHealthReady = z.object({ status: z.literal("ok"), migrations: ZCount }).meta({ id: "HealthReady" });

export const ZHealthUnavailable = z.object({ status: z.literal("unavailable"), reason: z.string() }).meta({ id: "HealthUnavailable" });

const ERROR_CODES = Object.keys(ERROR_STATUS) as [TErrorCode, ...TErrorCode[]];

/** Every error answer of every route: errorResponse (src/server/http/respond.ts) writes this; some codes add details such as runId. */
export const ZApiError = z
  .object({ error: z.object({ code: z.enum(ERROR_CODES), message: z.string().meta({ description: "for people: safe to show" }) }).catchall(z.unknown()) })
  .meta({ id: "Error" });

export type TApiError = z.infer<typeof ZApiError>;

/** The error answer for one code, exactly: what a route documents for that code's status. */
export function errorBody(code: TErrorCode) {
  return z.object({ error: z.object({ code: z.literal(code), message: z.string() }) });
}

/** 409 from POST /api/admin/ingest: the same source and parameters are already queued or running, as run `runId`. */
export const ZIngestConflict = z.object({ error: z.object({ code: z.literal("CONFLICT"), message: z.string(), runId: z.number().int() }) });
