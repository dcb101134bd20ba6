// What the public feed shows, read through the same repository function the pages use.
import type { Db } from "../../../src/server/db";
import { listPapers, MAX_PAGE_SIZE } from "../../../src/server/repo/papers";

export async function visiblePapers(db: Db, limit = MAX_PAGE_SIZE) {
  const page = await listPapers({
    db,
    filters: { sort: "trending", hasCode: false, minUpvotes: 0, q: undefined, cursor: undefined, category: undefined },
    limit,
  });
  return page.papers;
}
