// A subscriber as the digest sees them: address, interests, follows, feedback, last digest and the papers already sent to them.
import type { TDigestFrequency, TFollow } from "@/core/digest";
import type { TFeedbackExample } from "@/core/relevance";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db";

export type TDigestRecipient = {
  subscriberId: number;
  email: string;
  frequency: TDigestFrequency;
  keywords: string[];
  categories: string[];
  onlyWithCode: boolean;
  minUpvotes: number;
  lastDigestAt: Date | null;
  sentPaperIds: number[];
  negativeKeywords: string[];
  /** Signs the reader links in the mail: bumping it on the subscriber revokes them. */
  readerGeneration: number;
  follows: TFollow[];
  /** The newest TRAINING_FEEDBACK presses, newest first, with the text of their papers. */
  feedback: TFeedbackExample[];
  /** Every paper the reader said "less" of, however old the press: none of them is ever sent. */
  dislikedPaperIds: number[];
};

/** What the relevance model learns from: enough to know a reader, few enough that a digest stays cheap to choose. */
const TRAINING_FEEDBACK = 200;

/** The recipient columns of subscribers `s`, with the papers sent to them since `sentSince`: the claim and the previews read the same. */
export function recipientColumns(sentSince: Date): Prisma.Sql {
  return Prisma.sql`s.id AS "subscriberId", s.email, s.frequency::text AS frequency, coalesce(s.keywords, '{}') AS keywords,
    coalesce(s.categories, '{}') AS categories, s."onlyWithCode", s."minUpvotes",
    s."lastDigestAt", ARRAY(SELECT sp."paperId" FROM sent_papers sp WHERE sp."subscriberId" = s.id AND sp."sentAt" >= ${sentSince}) AS "sentPaperIds",
    coalesce(s."negativeKeywords", '{}') AS "negativeKeywords", s."readerGeneration",
    coalesce((SELECT json_agg(json_build_object('kind', f.kind, 'key', f.key, 'label', f.label) ORDER BY f.id)
      FROM follows f WHERE f."subscriberId" = s.id), '[]'::json) AS follows,
    coalesce((SELECT json_agg(json_build_object('paperId', fb."paperId", 'kind', fb.kind, 'title', p.title, 'abstract', p.abstract,
        'authors', p.authors, 'categories', p.categories, 'organization', p.organization) ORDER BY fb."createdAt" DESC, fb.id DESC)
      FROM (SELECT f."paperId", f.kind, f."createdAt", f.id FROM feedback f WHERE f."subscriberId" = s.id
        ORDER BY f."createdAt" DESC, f.id DESC LIMIT ${TRAINING_FEEDBACK}) fb JOIN papers p ON p.id = fb."paperId"), '[]'::json) AS feedback,
    ARRAY(SELECT f."paperId" FROM feedback f WHERE f."subscriberId" = s.id AND f.kind = 'less') AS "dislikedPaperIds"`;
}

/** The subscriber with this address (compared case-insensitively), whatever their status; null when there is none. */
export async function findDigestRecipient(opts: { db: Db; email: string; sentSince: Date }): Promise<(TDigestRecipient & { status: string }) | null> {
  const rows = await opts.db.$queryRaw<(TDigestRecipient & { status: string })[]>`
    SELECT ${recipientColumns(opts.sentSince)}, s.status::text AS status FROM subscribers s WHERE lower(s.email) = lower(${opts.email}) ORDER BY s.id LIMIT 1`;
  return rows[0] ?? null;
}

/**
 * The next keyset batch of confirmed subscribers of `frequency` who are due in `period`: no digest since
 * `periodStart` and no delivery row for the period yet. What a trigger would create deliveries for.
 */
export async function listDueRecipients(opts: {
  db: Db;
  frequency: TDigestFrequency;
  period: string;
  periodStart: Date;
  sentSince: Date;
  afterId: number;
  limit: number;
}): Promise<TDigestRecipient[]> {
  return opts.db.$queryRaw<TDigestRecipient[]>`
    SELECT ${recipientColumns(opts.sentSince)} FROM subscribers s
    WHERE s.status = 'confirmed' AND s.frequency::text = ${opts.frequency} AND s.id > ${opts.afterId}
      AND (s."lastDigestAt" IS NULL OR s."lastDigestAt" < ${opts.periodStart})
      AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d."subscriberId" = s.id AND d.period = ${opts.period})
    ORDER BY s.id LIMIT ${opts.limit}`;
}
