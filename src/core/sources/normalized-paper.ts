// The one shape every source parser produces; a paper that fails this schema is never stored.
import { z } from "zod";
import { ARXIV_ID } from "@/core/text/arxiv-id";
import { ZSourceId, type TSourceId } from "./source-id";

export type { TSourceId } from "./source-id";

export const ANNOUNCE_TYPES = ["new", "cross", "replace", "replace-cross"] as const;

/**
 * Whether a primary category ("cs.CL") belongs to a listing or feed of a category or archive ("cs.CL", "cs"): a replaced paper whose
 * primary lies outside was listed there as a cross-list (replace-cross). Unknown either way counts as inside.
 */
export function insideListing(category: string | undefined, listing: string | undefined): boolean {
  if (category === undefined || listing === undefined) return true;
  return category === listing || category.startsWith(`${listing}.`);
}

/** Versionless arXiv id: 2408.00714 (new style) or hep-th/9901001 (old style). */
const ZArxivId = z.string().regex(ARXIV_ID, "not a versionless arXiv id");

const ZText = z.string().refine((s) => s === s.trim() && !/\s{2,}|[\n\r\t]/.test(s), "text is not whitespace-normalised");
const ZNonEmptyText = ZText.refine((s) => s.length > 0, "must not be empty");
const ZCount = z.number().int().min(0);
const ZHttpUrl = z.url({ protocol: /^https?$/ });

export const ZNormalizedPaper = z.object({
  arxivId: ZArxivId.nullable(),
  title: ZNonEmptyText,
  abstract: ZText,
  authors: z.array(ZNonEmptyText),
  listedOn: z.iso.date(),
  version: z.number().int().min(1).optional(),
  publishedAt: z.iso.datetime({ offset: true }).optional(),
  upvotes: ZCount.optional(),
  githubUrl: z.url({ protocol: /^https$/, hostname: /^github\.com$/ }).optional(),
  githubStars: ZCount.optional(),
  projectUrl: ZHttpUrl.optional(),
  thumbnailUrl: ZHttpUrl.optional(),
  numComments: ZCount.optional(),
  categories: z.array(ZNonEmptyText).optional(),
  primaryCategory: ZNonEmptyText.optional(),
  announceType: z.enum(ANNOUNCE_TYPES).optional(),
  aiSummary: ZNonEmptyText.optional(),
  keywords: z.array(ZNonEmptyText).optional(),
  comments: ZNonEmptyText.optional(),
  /** The organization Hugging Face lists the paper under (its display name). */
  organization: ZNonEmptyText.optional(),
});

export type TNormalizedPaper = z.infer<typeof ZNormalizedPaper>;
export type TAnnounceType = (typeof ANNOUNCE_TYPES)[number];

export type TParseError = { index?: number; id?: string; message: string };

export type TParseResult = {
  source: TSourceId;
  papers: TNormalizedPaper[];
  errors: TParseError[];
  /** How many items the source itself says this document holds. */
  expected?: number;
  /** How many results exist in total across pages, when the source says so. */
  totalResults?: number;
  /** Set when the whole document is unusable; papers is then empty. */
  fatal?: string;
};

/** Checks a parser's output as a whole (used by tests and by callers that receive results across a boundary). */
export const ZParseResult = z.object({
  source: ZSourceId,
  papers: z.array(ZNormalizedPaper),
  errors: z.array(z.object({ index: ZCount.optional(), id: z.string().optional(), message: z.string().min(1) })),
  expected: ZCount.optional(),
  totalResults: ZCount.optional(),
  fatal: z.string().min(1).optional(),
});

export type TParseContext = { now: Date; url?: string };

export type TListingParser = (body: string, ctx: TParseContext) => TParseResult;
