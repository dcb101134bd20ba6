// Text encodings for PostgreSQL's COPY ... WITH (FORMAT csv): how the bench loader writes a row without a driver in between.

/** A PostgreSQL array literal: every element double-quoted, so commas, braces, spaces and the word NULL stay text. */
export function pgArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;
}

/** One CSV line: null is an unquoted empty field (COPY's NULL), every string is quoted so an empty string stays empty. */
export function csvLine(fields: readonly (string | null)[]): string {
  return `${fields.map((f) => (f === null ? "" : `"${f.replaceAll('"', '""')}"`)).join(",")}\n`;
}
