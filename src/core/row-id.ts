// Database ids as URLs, forms and cursors carry them: PostgreSQL's integer keys stop at 2^31 - 1, so a bigger number names no row
// and is refused while parsing rather than failing the query with "out of range".
import { z } from "zod";

/** PostgreSQL's integer (int4) maximum: a row id's, and any int4 column's, largest value. */
export const INT4_MAX = 2 ** 31 - 1;

const MAX_ROW_ID = INT4_MAX;

const RANGE_MESSAGE = `must be a whole number from 1 to ${MAX_ROW_ID}`;

/**
 * A row id written as digits (a URL segment, a form field) or a JSON number: a whole number from 1 to MAX_ROW_ID. Every way a value
 * falls outside that gets the one message naming the range (a 14-digit cursor is a whole number, just not one of ours).
 */
export const ZRowId = z
  .union([z.number(), z.string().regex(/^\d{1,10}$/, RANGE_MESSAGE)], { error: RANGE_MESSAGE })
  .transform(Number)
  .pipe(z.number().int(RANGE_MESSAGE).min(1, RANGE_MESSAGE).max(MAX_ROW_ID, RANGE_MESSAGE));
