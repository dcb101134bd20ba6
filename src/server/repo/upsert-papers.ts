// Writes a parsed listing to PostgreSQL idempotently, in one transaction that stays correct beside other runs writing the same papers.
import {
  changedFields,
  mergePaper,
  readingDiffers,
  recordFromIncoming,
  type TIncomingPaper,
  type TOverrides,
  type TPaperRecord,
} from "@/core/ingest/merge-paper";
import { setTimeout as sleep } from "node:timers/promises";
import type { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db";
import { logger } from "../logger";
import { DEADLOCK_DETECTED, deadlockBackoffMs, sqlState } from "./deadlock-retry";
import { recordSelect, rowToRecord, type TRecordRow } from "./paper-record";

export type TUpsertResult = { inserted: number; updated: number; unchanged: number; paperIds: number[]; changedIds: number[] };

type Tx = Prisma.TransactionClient;
type Target = { id: number | null; before: TPaperRecord | null; after: TPaperRecord; overrides: TOverrides | null };

const RECORD_COLUMNS = Object.keys(recordSelect)
  .map((c) => `"${c}"`)
  .join(", ");

/**
 * Every stored paper the listing can merge into, locked until commit so a concurrent run (or an admin fix) waits for
 * this merge and then merges over it; in id order, so two runs never each hold a row the other wants. NO KEY UPDATE,
 * the lock an UPDATE takes anyway, so rows referencing a paper (metric readings, sent papers) can still be inserted.
 * Raw ANY(array) binds two parameters instead of one per id: about 1.5x faster than Prisma's IN lists on large listings.
 */
async function lockCandidates(tx: Tx, papers: TIncomingPaper[]): Promise<(TRecordRow & { overrides: unknown })[]> {
  const ids = [...new Set(papers.flatMap((p) => (p.arxivId ? [p.arxivId] : [])))];
  const keys = [...new Set(papers.map((p) => p.titleKey))];
  return tx.$queryRawUnsafe(
    `SELECT ${RECORD_COLUMNS} FROM papers WHERE "arxivId" = ANY($1::text[]) OR "titleKey" = ANY($2::text[]) ORDER BY id FOR NO KEY UPDATE`,
    ids,
    keys,
  );
}

/** Matches each incoming paper to a stored one (by arXiv id, else by title key when one side has no id) and merges it. */
function planWrites(rows: Awaited<ReturnType<typeof lockCandidates>>, papers: TIncomingPaper[], source: string, observedAt: string) {
  const byArxiv = new Map<string, Target>();
  const byTitle = new Map<string, Target>();
  const targets: Target[] = [];
  for (const row of rows) {
    const t: Target = { id: row.id, before: rowToRecord(row), after: rowToRecord(row), overrides: row.overrides as TOverrides | null };
    targets.push(t);
    if (row.arxivId) byArxiv.set(row.arxivId, t);
    if (!row.arxivId || !byTitle.has(row.titleKey)) byTitle.set(row.titleKey, t);
  }
  const snapshots: { target: Target; incoming: TIncomingPaper }[] = [];
  const touched = new Set<Target>();
  for (const incoming of papers) {
    const titleMatch = byTitle.get(incoming.titleKey);
    const found =
      (incoming.arxivId ? byArxiv.get(incoming.arxivId) : undefined) ??
      (titleMatch && (!incoming.arxivId || !titleMatch.after.arxivId) ? titleMatch : undefined);
    const target = found ?? { id: null, before: null, after: recordFromIncoming(incoming, source, observedAt), overrides: null };
    if (found) {
      if (readingDiffers(found.after, incoming)) snapshots.push({ target, incoming });
      found.after = mergePaper(found.after, incoming, source, observedAt, found.overrides);
    } else {
      targets.push(target);
      if (readingDiffers(null, incoming)) snapshots.push({ target, incoming });
    }
    touched.add(target);
    if (target.after.arxivId) byArxiv.set(target.after.arxivId, target);
    byTitle.set(target.after.titleKey, target);
  }
  return { targets: [...touched], snapshots };
}

/** Paper columns written from a record, with their PostgreSQL types for jsonb_to_recordset; one statement per batch, not one per row. */
const COLUMN_TYPES = {
  arxivId: "text",
  titleKey: "text",
  title: "text",
  abstract: "text",
  authors: "text[]",
  listedOn: "date",
  publishedAt: "timestamptz",
  version: "int",
  upvotes: "int",
  githubUrl: "text",
  githubStars: "int",
  projectUrl: "text",
  thumbnailUrl: "text",
  numComments: "int",
  // Always a toISOString() instant; cast as a zoneless timestamp it is stored as UTC (Prisma's convention) whatever the session's TimeZone.
  metricsObservedAt: "timestamp",
  categories: "text[]",
  primaryCategory: "text",
  announceType: "text",
  comments: "text",
  aiSummary: "text",
  keywords: "text[]",
  organization: "text",
  sources: "text[]",
} as const satisfies Record<keyof TPaperRecord, string>;
const COLUMNS = Object.keys(COLUMN_TYPES) as (keyof TPaperRecord)[];
const RECORDSET = COLUMNS.map((c) => `"${c}" ${COLUMN_TYPES[c]}`).join(", ");

/** Within one batch a new paper is unique by arXiv id, or by title key when it has none. */
const identity = (p: { arxivId: string | null; titleKey: string }) => (p.arxivId ? `a:${p.arxivId}` : `t:${p.titleKey}`);

/**
 * One attempt at the whole listing. Returns null when another run inserted one of this listing's new papers after the
 * candidates were locked (its row was invisible then): the caller rolls the attempt back and merges into that row instead.
 */
async function writeListing(tx: Tx, source: string, papers: TIncomingPaper[], now: Date): Promise<TUpsertResult | null> {
  const { targets, snapshots } = planWrites(await lockCandidates(tx, papers), papers, source, now.toISOString());
  const inserts = targets.filter((t) => t.id === null);
  const updates = targets.filter((t) => t.id !== null && t.before && changedFields(t.before, t.after).length > 0);

  if (inserts.length) {
    // Inserted in arXiv id order, so two runs inserting the same new papers wait for each other instead of deadlocking.
    const created = await tx.$queryRawUnsafe<{ id: number; arxivId: string | null; titleKey: string }[]>(
      `INSERT INTO papers (${COLUMNS.map((c) => `"${c}"`).join(", ")}, "updatedAt")
       SELECT ${COLUMNS.map((c) => `v."${c}"`).join(", ")}, $2 FROM jsonb_to_recordset($1::jsonb) AS v(${RECORDSET}) ORDER BY v."arxivId"
       ON CONFLICT ("arxivId") DO NOTHING
       RETURNING id, "arxivId", "titleKey"`,
      JSON.stringify(inserts.map((t) => t.after)),
      now,
    );
    if (created.length < inserts.length) return null;
    const idByKey = new Map(created.map((row) => [identity(row), row.id]));
    for (const t of inserts) t.id = idByKey.get(identity(t.after)) ?? null;
  }
  if (updates.length) {
    await tx.$executeRawUnsafe(
      `UPDATE papers p SET ${COLUMNS.map((c) => `"${c}" = v."${c}"`).join(", ")}, "updatedAt" = $2
       FROM jsonb_to_recordset($1::jsonb) AS v(id int, ${RECORDSET}) WHERE p.id = v.id`,
      JSON.stringify(updates.map(({ id, after }) => ({ id, ...after }))),
      now,
    );
  }
  if (snapshots.length) {
    // Every reading is kept at the time it was taken, even one too old to change the paper's current counts.
    await tx.$executeRawUnsafe(
      `INSERT INTO paper_metrics ("paperId", "capturedAt", upvotes, "githubStars", source)
       SELECT v."paperId", $2, v.upvotes, v."githubStars", $3 FROM jsonb_to_recordset($1::jsonb) AS v("paperId" int, upvotes int, "githubStars" int)`,
      JSON.stringify(
        snapshots.map(({ target, incoming }) => ({ paperId: target.id, upvotes: incoming.upvotes ?? null, githubStars: incoming.githubStars ?? null })),
      ),
      now,
      source,
    );
  }
  return {
    inserted: inserts.length,
    updated: updates.length,
    unchanged: targets.length - inserts.length - updates.length,
    paperIds: targets.map((t) => t.id!),
    changedIds: [...inserts, ...updates].map((t) => t.id!),
  };
}

/**
 * 23505: a title-only paper this run gives an arXiv id that another run has just inserted. 40P01: a deadlock with a
 * writer that locks papers in another order (a rescore, an admin fix). Both are settled by merging again on what is now committed.
 */
const RETRYABLE = new Set(["23505", DEADLOCK_DETECTED]);
const MAX_ATTEMPTS = 5;
const DEADLOCK = "deadlock with another writer";

export async function upsertPapers(opts: { db: Db; source: string; papers: TIncomingPaper[]; now: Date }): Promise<TUpsertResult> {
  const { db, source, papers, now } = opts;
  if (papers.length === 0) return { inserted: 0, updated: 0, unchanged: 0, paperIds: [], changedIds: [] };
  return db.$transaction(
    async (tx) => {
      // Title-only papers have no unique key to collide on, so a run that writes any holds every other run off until it commits;
      // runs keyed by arXiv id share the lock and meet only on row locks and the arXiv id index.
      const titleOnly = papers.some((p) => !p.arxivId);
      await tx.$executeRawUnsafe(`SELECT ${titleOnly ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared"}(hashtext('paper-digest:upsert-papers'))`);
      for (let attempt = 1; ; attempt++) {
        await tx.$executeRawUnsafe("SAVEPOINT upsert_papers");
        let reason: string;
        try {
          const result = await writeListing(tx, source, papers, now);
          if (result) return result;
          reason = "another run inserted some of these papers first";
        } catch (err) {
          const code = sqlState(err);
          if (!code || !RETRYABLE.has(code)) throw err;
          reason = code === "23505" ? "another run gave a paper the same arXiv id first" : DEADLOCK;
        }
        if (attempt === MAX_ATTEMPTS) throw new Error(`papers from ${source} kept changing under this ingestion (${MAX_ATTEMPTS} attempts; last: ${reason})`);
        logger.info({ source, attempt, reason }, "papers changed under this ingestion; merging again");
        await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT upsert_papers");
        if (reason === DEADLOCK) await sleep(deadlockBackoffMs(attempt));
      }
    },
    // Large listings (thousands of papers, each re-indexed for full-text search) outlive Prisma's 5 s default on a busy machine.
    { timeout: 120_000, maxWait: 20_000 },
  );
}
