// zod schemas for what the site script sends about a recognised reader: the papers on a page, a feedback press, a follow.
import { z } from "zod";
import { ZRowId } from "@/core/row-id";
import { hasControlChars } from "@/core/text/control-chars";

/** At most a page's worth of cards (50 and the paper page's similar papers) per question. */
const MAX_PAPERS = 120;

export const ZReaderQuery = z.object({
  papers: z
    .string()
    .max(MAX_PAPERS * 11)
    .transform((s): unknown[] => s.split(",").filter(Boolean))
    .pipe(z.array(ZRowId).max(MAX_PAPERS))
    .default([]),
});

/** "none" takes a press back. Strict, as /api/subscribe's body is: a misspelt key was dropped without a word. */
export const ZFeedbackPress = z.strictObject({ paperId: ZRowId, kind: z.enum(["more", "less", "none"]) });

export const ZFollowName = z
  .string()
  .trim()
  .min(1, { error: "Type a name to follow." })
  .max(200, { error: "Names are at most 200 characters." })
  .refine((s) => !hasControlChars(s), { error: "Names must not contain control characters or lone surrogates." })
  .refine((s) => /[\p{L}\p{N}]/u.test(s), { error: "Type a name with letters or digits." });

export const ZFollowKind = z.enum(["author", "organization"], { error: "Choose an author or an organization." });

export const ZFollowPress = z.strictObject({ kind: ZFollowKind, label: ZFollowName, follow: z.boolean() });
