// Writes a parsed listing to PostgreSQL idempotently: one read, then batched inserts and updates, and metric snapshots only on change.
import { changedFields, mergePaper, recordFromIncoming, type TIncomingPaper, type TOverrides, type TPaperRecord } from "@/core/ingest/merge-paper";
import type { Db } from "../db";
import { recordSelect, rowToRecord } from "../repo/paper-record";

export type TUpsertResult = { inserted: number; updated: number; unchanged: number; paperIds: number[]; changedIds: number[] };

type Target = { id: number | null; before: TPaperRecord | null; after: TPaperRecord; overrides: TOverrides | null };

const metricsChanged = (before: TPaperRecord | null, after: TPaperRecord, incoming: TIncomingPaper) =>
  (incoming.upvotes !== undefined || incoming.githubStars !== undefined) &&
  (!before || before.upvotes !== after.upvotes || before.githubStars !== after.githubStars);

async function loadExisting(db: Db, papers: TIncomingPaper[]) {
  const ids = [...new Set(papers.flatMap((p) => (p.arxivId ? [p.arxivId] : [])))];
  const keys = [...new Set(papers.map((p) => p.titleKey))];
  return db.paper.findMany({
    where: { OR: [{ arxivId: { in: ids } }, { titleKey: { in: keys } }] },
    select: recordSelect,
  });
}

function planWrites(rows: Awaited<ReturnType<typeof loadExisting>>, papers: TIncomingPaper[], source: string) {
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
    const target =
      (incoming.arxivId ? byArxiv.get(incoming.arxivId) : undefined) ??
      (titleMatch && (!incoming.arxivId || !titleMatch.after.arxivId) ? titleMatch : undefined);
    if (target) {
      const before = target.after;
      target.after = mergePaper(target.after, incoming, source, target.overrides);
      if (metricsChanged(before, target.after, incoming)) snapshots.push({ target, incoming });
    } else {
      const created: Target = { id: null, before: null, after: recordFromIncoming(incoming, source), overrides: null };
      targets.push(created);
      if (metricsChanged(null, created.after, incoming)) snapshots.push({ target: created, incoming });
    }
    const t = target ?? targets[targets.length - 1]!;
    touched.add(t);
    if (t.after.arxivId) byArxiv.set(t.after.arxivId, t);
    byTitle.set(t.after.titleKey, t);
  }
  return { targets: [...touched], snapshots };
}

const toDate = (d: string | null) => (d ? new Date(d) : null);

export async function upsertPapers(opts: { db: Db; source: string; papers: TIncomingPaper[]; now: Date }): Promise<TUpsertResult> {
  const { db, source, papers, now } = opts;
  if (papers.length === 0) return { inserted: 0, updated: 0, unchanged: 0, paperIds: [], changedIds: [] };
  const { targets, snapshots } = planWrites(await loadExisting(db, papers), papers, source);
  const inserts = targets.filter((t) => t.id === null);
  const updates = targets.filter((t) => t.id !== null && t.before && changedFields(t.before, t.after).length > 0);

  await db.$transaction(async (tx) => {
    if (inserts.length) {
      const created = await tx.paper.createManyAndReturn({
        data: inserts.map(({ after }) => ({ ...after, listedOn: new Date(after.listedOn), publishedAt: toDate(after.publishedAt) })),
        select: { id: true },
      });
      created.forEach((row, i) => (inserts[i]!.id = row.id));
    }
    if (updates.length) {
      const payload = updates.map(({ id, after }) => ({ id, ...after }));
      await tx.$executeRawUnsafe(
        `UPDATE papers p SET "arxivId" = v."arxivId", "titleKey" = v."titleKey", title = v.title, abstract = v.abstract,
           authors = v.authors, "listedOn" = v."listedOn", "publishedAt" = v."publishedAt", version = v.version,
           upvotes = v.upvotes, "githubUrl" = v."githubUrl", "githubStars" = v."githubStars", "projectUrl" = v."projectUrl",
           "thumbnailUrl" = v."thumbnailUrl", "numComments" = v."numComments", categories = v.categories,
           "primaryCategory" = v."primaryCategory", "announceType" = v."announceType", comments = v.comments,
           "aiSummary" = v."aiSummary", keywords = v.keywords, sources = v.sources, "updatedAt" = $2
         FROM jsonb_to_recordset($1::jsonb) AS v(id int, "arxivId" text, "titleKey" text, title text, abstract text,
           authors text[], "listedOn" date, "publishedAt" timestamptz, version int, upvotes int, "githubUrl" text,
           "githubStars" int, "projectUrl" text, "thumbnailUrl" text, "numComments" int, categories text[],
           "primaryCategory" text, "announceType" text, comments text, "aiSummary" text, keywords text[], sources text[])
         WHERE p.id = v.id`,
        JSON.stringify(payload),
        now,
      );
    }
    if (snapshots.length) {
      await tx.paperMetric.createMany({
        data: snapshots.map(({ target, incoming }) => ({
          paperId: target.id!,
          capturedAt: now,
          upvotes: incoming.upvotes ?? null,
          githubStars: incoming.githubStars ?? null,
          source,
        })),
      });
    }
  });

  return {
    inserted: inserts.length,
    updated: updates.length,
    unchanged: targets.length - inserts.length - updates.length,
    paperIds: targets.map((t) => t.id!),
    changedIds: [...inserts, ...updates].map((t) => t.id!),
  };
}
