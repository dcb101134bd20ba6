// Database ids as URLs, forms and cursors carry them: PostgreSQL's integer keys stop at 2^31 - 1, so a bigger number names no row
// and is refused while parsing rather than failing the query with "out of range".
import { z } from "zod";

const MAX_ROW_ID = 2 ** 31 - 1;

/** A row id written as digits (a URL segment, a form field) or a JSON number: a whole number from 1 to MAX_ROW_ID. */
export const ZRowId = z
  .union([z.number(), z.string().regex(/^\d{1,10}$/, "must be a whole number")])
  .transform(Number)
  .pipe(z.number().int("must be a whole number").min(1, "must be at least 1").max(MAX_ROW_ID, `must be at most ${MAX_ROW_ID}`));
