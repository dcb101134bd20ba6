// Takedowns and manual field fixes: validated, applied, and audited.
import { z } from "zod";
import { authorNames, splitAuthorList } from "@/core/sources/author-list";
import { ARXIV_CATEGORY } from "@/core/text/arxiv-id";
import type { Db } from "../db";
import { fixPaperField, setPaperHidden, type TAdminPaper, type TFixableField } from "../repo/admin-papers";
import { recordAudit } from "../repo/audit-log";
import { announceFeedChange } from "../repo/feed-changes";

export const FIXABLE_FIELDS = [
  "title",
  "abstract",
  "authors",
  "githubUrl",
  "projectUrl",
  "thumbnailUrl",
  "categories",
] as const satisfies readonly TFixableField[];

const entries = z.array(z.string().max(300)).min(1, "give at least one entry, separated by commas").max(500);
const list = z
  .string()
  .transform((v) =>
    v
      .split(/[\n,;]/)
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(entries);
/**
 * One name per line, as a name written "Smith, John" must stay one; a single line is read as a source's author list is (a "Jr." stays
 * with its name, "and" separates). TeX accents are decoded either way.
 */
const authorList = z
  .string()
  .transform((v) => {
    const lines = v.split("\n").filter((line) => line.trim() !== "");
    return authorNames(lines.length > 1 ? lines : splitAuthorList(lines[0] ?? ""));
  })
  .pipe(entries);
const link = z
  .string()
  .trim()
  .transform((v) => (v === "" ? null : v))
  .pipe(z.url({ protocol: /^https?$/, message: "must be an http(s) URL, or empty to remove the link" }).nullable());

/** How each fixable field's form text becomes its stored value. */
const ZFieldValue = {
  title: z.string().trim().min(1, "the title cannot be empty").max(500),
  abstract: z.string().trim().min(1, "the abstract cannot be empty").max(20_000),
  authors: authorList,
  githubUrl: link,
  projectUrl: link,
  thumbnailUrl: link,
  categories: list.pipe(z.array(z.string().regex(ARXIV_CATEGORY, "each category must be an arXiv category such as cs.CL"))),
} satisfies Record<TFixableField, z.ZodType>;

export async function hidePaper(opts: { db: Db; actor: string; id: number; hidden: boolean; now: Date }): Promise<TAdminPaper> {
  const paper = await setPaperHidden(opts);
  await recordAudit({
    db: opts.db,
    actor: opts.actor,
    action: opts.hidden ? "paper.hide" : "paper.unhide",
    params: { paperId: opts.id, arxivId: paper.arxivId },
    now: opts.now,
  });
  await announceFeedChange({ db: opts.db, reason: `paper ${opts.id} ${opts.hidden ? "hidden" : "shown"}` });
  return paper;
}

/** Throws a ZodError (400) for a bad value, before anything is written. */
export async function fixPaper(opts: { db: Db; actor: string; id: number; field: TFixableField; value: string; now: Date }): Promise<TAdminPaper> {
  const value = ZFieldValue[opts.field].parse(opts.value);
  const paper = await fixPaperField({ db: opts.db, id: opts.id, field: opts.field, value });
  await recordAudit({ db: opts.db, actor: opts.actor, action: "paper.fix", params: { paperId: opts.id, field: opts.field, value }, now: opts.now });
  await announceFeedChange({ db: opts.db, reason: `paper ${opts.id} fixed` });
  return paper;
}
