// Opaque keyset cursors for paper lists: the last row's sort value and id, so pages never use OFFSET.
import { z } from "zod";
import { isValidDate } from "@/core/periods";
import { INT4_MAX, ZRowId } from "@/core/row-id";
import { parseSearchQuery, type TFeedFilters } from "@/core/search";
import { AppError } from "../errors/app-error";

export type TListOrder = "trending" | "new" | "top" | "relevance";

export type TCursor = { order: TListOrder; value: number | string; id: number };

const ZCursor = z.object({
  o: z.enum(["trending", "new", "top", "relevance"]),
  v: z.union([z.number().finite(), z.string().regex(/^\d{4}-\d{2}-\d{2}$/)]),
  i: ZRowId,
});

/** The order a list is read in: relevance for a text query left on the default sort, otherwise the sort asked for. */
export function listOrderOf(filters: Pick<TFeedFilters, "q" | "sort">): TListOrder {
  return parseSearchQuery(filters.q ?? "").text !== "" && filters.sort === "trending" ? "relevance" : filters.sort;
}

/** Why `filters`' cursor cannot be read (decodeCursor's message), or null when there is none or it reads. */
export function cursorProblem(filters: Pick<TFeedFilters, "q" | "sort" | "cursor">): string | null {
  if (!filters.cursor) return null;
  try {
    decodeCursor(filters.cursor, listOrderOf(filters));
    return null;
  } catch (err) {
    if (err instanceof AppError) return err.userMessage;
    throw err;
  }
}

export function encodeCursor(cursor: TCursor): string {
  return Buffer.from(JSON.stringify({ o: cursor.order, v: cursor.value, i: cursor.id })).toString("base64url");
}

/** Throws INVALID_INPUT when the cursor is not one this app wrote for the same ordering. */
export function decodeCursor(raw: string, order: TListOrder): TCursor {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    json = null;
  }
  const parsed = ZCursor.safeParse(json);
  if (!parsed.success) throw new AppError("INVALID_INPUT", 'Invalid "cursor": it is malformed; use the nextCursor of a previous page.');
  if (parsed.data.o !== order) throw new AppError("INVALID_INPUT", 'Invalid "cursor": it belongs to a different sort order.');
  const { v } = parsed.data;
  if (!fitsSortKey(order, v)) throw new AppError("INVALID_INPUT", 'Invalid "cursor": it is malformed.');
  return { order, value: v, id: parsed.data.i };
}

/**
 * Whether a value can be compared with its order's sort key as that key's own type (listPapers reads a page in index order): a day that
 * exists ("2026-02-30" would fail PostgreSQL's date cast, a 500), upvotes as a whole number within PostgreSQL's integer, and any other
 * order's value (a score, a rank) as a number.
 */
function fitsSortKey(order: TListOrder, value: number | string): boolean {
  if (order === "new") return typeof value === "string" && isValidDate(value);
  if (typeof value !== "number") return false;
  return order !== "top" || (Number.isInteger(value) && Math.abs(value) <= INT4_MAX);
}
