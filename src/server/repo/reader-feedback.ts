// A subscriber's "more/less like this" presses and followed names, and the generation counters that revoke reader cookies and feed URLs.
import type { Db } from "../db";
import { AppError } from "../errors/app-error";

export type TFeedbackKind = "more" | "less";
export type TFollowKind = "author" | "organization";
export type TFollow = { kind: TFollowKind; key: string; label: string };
export type TFeedbackEntry = { paperId: number; kind: TFeedbackKind; createdAt: Date; title: string; arxivId: string | null };

/** One row per subscriber and paper: the latest press wins. False when the paper does not exist (or is hidden). */
export async function recordFeedback(opts: { db: Db; subscriberId: number; paperId: number; kind: TFeedbackKind; now: Date }): Promise<boolean> {
  const count = await opts.db.$executeRaw`
    INSERT INTO feedback ("subscriberId", "paperId", kind, "createdAt")
    SELECT ${opts.subscriberId}, p.id, ${opts.kind}, ${opts.now} FROM papers p WHERE p.id = ${opts.paperId} AND NOT p.hidden
    ON CONFLICT ("subscriberId", "paperId") DO UPDATE SET kind = EXCLUDED.kind, "createdAt" = EXCLUDED."createdAt"`;
  return count === 1;
}

export async function removeFeedback(opts: { db: Db; subscriberId: number; paperId: number }): Promise<void> {
  await opts.db.feedback.deleteMany({ where: { subscriberId: opts.subscriberId, paperId: opts.paperId } });
}

/** The subscriber's presses on these papers, for the buttons on a page. */
export async function listFeedbackOn(opts: { db: Db; subscriberId: number; paperIds: number[] }): Promise<Record<number, TFeedbackKind>> {
  if (opts.paperIds.length === 0) return {};
  const rows = await opts.db.feedback.findMany({
    where: { subscriberId: opts.subscriberId, paperId: { in: opts.paperIds } },
    select: { paperId: true, kind: true },
  });
  return Object.fromEntries(rows.map((r) => [r.paperId, r.kind as TFeedbackKind]));
}

/** Every press, newest first, with the paper's title (the manage page and the data export). */
export async function listSubscriberFeedback(opts: { db: Db; subscriberId: number }): Promise<TFeedbackEntry[]> {
  const rows = await opts.db.feedback.findMany({
    where: { subscriberId: opts.subscriberId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { paperId: true, kind: true, createdAt: true, paper: { select: { title: true, arxivId: true } } },
  });
  return rows.map((r) => ({ paperId: r.paperId, kind: r.kind as TFeedbackKind, createdAt: r.createdAt, title: r.paper.title, arxivId: r.paper.arxivId }));
}

export async function listFollows(opts: { db: Db; subscriberId: number }): Promise<TFollow[]> {
  const rows = await opts.db.follow.findMany({
    where: { subscriberId: opts.subscriberId },
    orderBy: [{ kind: "asc" }, { label: "asc" }],
    select: { kind: true, key: true, label: true },
  });
  return rows.map((r) => ({ ...r, kind: r.kind as TFollowKind }));
}

/**
 * How many names one subscriber may follow. Every digest matches each of its subscriber's follows against every candidate paper, and
 * nothing bounded them: one reader cookie could add names by the thousand and make every digest run slow.
 */
export const MAX_FOLLOWS = 200;

/** Following a name twice keeps the first label; a name past MAX_FOLLOWS is refused (409), one already followed never is. */
export async function addFollow(opts: { db: Db; subscriberId: number; follow: TFollow }): Promise<void> {
  const { kind, key, label } = opts.follow;
  await opts.db.$transaction(async (tx) => {
    // Presses at once take turns on the subscriber's row, and each counts in a statement of its own after its turn comes: one statement
    // counts in the snapshot it started with, so presses waiting together all saw room for one more.
    const [subscriber] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM subscribers WHERE id = ${opts.subscriberId} FOR UPDATE`;
    if (!subscriber) throw new AppError("NOT_FOUND", "This subscription no longer exists.");
    const [row] = await tx.$queryRaw<{ followed: boolean; follows: number }[]>`
      SELECT EXISTS (SELECT 1 FROM follows WHERE "subscriberId" = ${subscriber.id} AND kind = ${kind} AND key = ${key}) AS followed,
             (SELECT count(*)::int FROM follows WHERE "subscriberId" = ${subscriber.id}) AS follows`;
    if (row?.followed) return;
    if ((row?.follows ?? 0) >= MAX_FOLLOWS) {
      throw new AppError("CONFLICT", `You follow ${MAX_FOLLOWS} names, the most there can be: unfollow one to follow another.`);
    }
    await tx.follow.create({ data: { subscriberId: subscriber.id, kind, key, label } });
  });
}

export async function removeFollow(opts: { db: Db; subscriberId: number; kind: TFollowKind; key: string }): Promise<void> {
  await opts.db.follow.deleteMany({ where: { subscriberId: opts.subscriberId, kind: opts.kind, key: opts.key } });
}

export type TGenerations = { readerGeneration: number; feedGeneration: number };

export async function getGenerations(opts: { db: Db; subscriberId: number }): Promise<TGenerations | null> {
  return opts.db.subscriber.findUnique({ where: { id: opts.subscriberId }, select: { readerGeneration: true, feedGeneration: true } });
}

/** Bumps one counter, revoking every reader cookie (readerGeneration) or feed URL (feedGeneration) signed with the old value. */
export async function bumpGeneration(opts: { db: Db; subscriberId: number; counter: keyof TGenerations }): Promise<TGenerations> {
  return opts.db.subscriber.update({
    where: { id: opts.subscriberId },
    data: { [opts.counter]: { increment: 1 } },
    select: { readerGeneration: true, feedGeneration: true },
  });
}

/** A visible paper's title and key, for the feedback page; null when there is none. */
export async function findFeedbackPaper(opts: { db: Db; paperId: number }): Promise<{ id: number; title: string; arxivId: string | null } | null> {
  return opts.db.paper.findFirst({ where: { id: opts.paperId, hidden: false }, select: { id: true, title: true, arxivId: true } });
}

export async function findFeedback(opts: { db: Db; subscriberId: number; paperId: number }): Promise<TFeedbackKind | null> {
  const row = await opts.db.feedback.findUnique({
    where: { subscriberId_paperId: { subscriberId: opts.subscriberId, paperId: opts.paperId } },
    select: { kind: true },
  });
  return (row?.kind as TFeedbackKind | undefined) ?? null;
}
