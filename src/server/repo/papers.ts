// Paper reads for pages and APIs; returns plain TPaper objects, never Prisma models.
import type { TPaper } from "@/core/paper";
import type { Db } from "../db";
import { paperSelect, rowToPaper } from "./paper-record";

export async function listFeed(opts: { db: Db; limit?: number }): Promise<TPaper[]> {
  const rows = await opts.db.paper.findMany({
    where: { hidden: false },
    orderBy: [{ listedOn: "desc" }, { upvotes: "desc" }, { id: "desc" }],
    take: opts.limit ?? 50,
    select: paperSelect,
  });
  return rows.map(rowToPaper);
}

export async function getPaper(opts: { db: Db; key: string }): Promise<TPaper | null> {
  const internal = /^p-(\d+)$/.exec(opts.key);
  const row = await opts.db.paper.findFirst({
    where: { hidden: false, ...(internal ? { id: Number(internal[1]), arxivId: null } : { arxivId: opts.key }) },
    select: paperSelect,
  });
  return row ? rowToPaper(row) : null;
}

export async function countPapers(opts: { db: Db }): Promise<number> {
  return opts.db.paper.count();
}
