// Paper reads and writes for the admin console: search including hidden papers, takedowns and manual field fixes.
import { escapeLike } from "./escape-like";
import type { TOverrides } from "@/core/ingest/merge-paper";
import { titleKey } from "@/core/text/title-key";
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { day } from "./paper-record";

export type TAdminPaper = {
  id: number;
  arxivId: string | null;
  title: string;
  authors: string[];
  listedOn: string;
  upvotes: number;
  githubUrl: string | null;
  projectUrl: string | null;
  categories: string[];
  sources: string[];
  hidden: boolean;
  overrides: TOverrides;
};

export type TFixableField = keyof Required<TOverrides>;
export type TFieldValue = string | string[] | null;

const select = {
  id: true,
  arxivId: true,
  title: true,
  authors: true,
  listedOn: true,
  upvotes: true,
  githubUrl: true,
  projectUrl: true,
  categories: true,
  sources: true,
  hidden: true,
  overrides: true,
} as const;

type TRow = { [K in keyof Omit<TAdminPaper, "listedOn" | "overrides">]: TAdminPaper[K] } & { listedOn: Date; overrides: unknown };

const toAdminPaper = (row: TRow): TAdminPaper => ({ ...row, listedOn: day(row.listedOn), overrides: (row.overrides ?? {}) as TOverrides });

/** Matches an arXiv id, a title or an author fragment; newest first. */
export async function searchAdminPapers(opts: { db: Db; query?: string; hiddenOnly?: boolean; limit?: number }): Promise<TAdminPaper[]> {
  const q = opts.query?.trim();
  const rows = await opts.db.paper.findMany({
    where: {
      ...(opts.hiddenOnly ? { hidden: true } : {}),
      ...(q ? { OR: [{ arxivId: q }, { title: { contains: escapeLike(q), mode: "insensitive" as const } }, { authors: { has: q } }] } : {}),
    },
    orderBy: [{ listedOn: "desc" }, { id: "desc" }],
    take: opts.limit ?? 50,
    select,
  });
  return rows.map(toAdminPaper);
}

async function getAdminPaper(opts: { db: Db; id: number }): Promise<TAdminPaper> {
  const row = await opts.db.paper.findUnique({ where: { id: opts.id }, select });
  if (!row) throw new AppError("NOT_FOUND", `paper ${opts.id} not found`, { userMessage: `There is no paper with id ${opts.id}.` });
  return toAdminPaper(row);
}

export async function setPaperHidden(opts: { db: Db; id: number; hidden: boolean }): Promise<TAdminPaper> {
  await getAdminPaper(opts);
  const row = await opts.db.paper.update({ where: { id: opts.id }, data: { hidden: opts.hidden }, select });
  return toAdminPaper(row);
}

/** Stores the fix in `overrides` (re-applied by every later ingestion) and writes it to the row now. */
export async function fixPaperField(opts: { db: Db; id: number; field: TFixableField; value: TFieldValue }): Promise<TAdminPaper> {
  const paper = await getAdminPaper(opts);
  const overrides: TOverrides = { ...paper.overrides, [opts.field]: opts.value };
  const row = await opts.db.paper.update({
    where: { id: opts.id },
    data: {
      overrides,
      [opts.field]: opts.value,
      ...(opts.field === "title" ? { titleKey: titleKey(String(opts.value)) } : {}),
    },
    select,
  });
  return toAdminPaper(row);
}
