// Splits PostgreSQL's text form of a tsquery at its top-level ORs, so each alternative can be matched
// (and index-checked) on its own: a phrase in one alternative then no longer forces a recheck of the others.

/**
 * The top-level `|` alternatives of a tsquery as printed by PostgreSQL (`'a' <-> 'b' | 'c' & !'d'`),
 * each still valid tsquery text. Quoted lexemes (with '' escapes) and parenthesised groups stay whole.
 * A query without a top-level OR comes back as its single alternative; an empty one as none.
 */
export function splitTopLevelOr(tsquery: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let i = 0;
  while (i < tsquery.length) {
    const ch = tsquery.charAt(i);
    if (ch === "'") {
      i += 1;
      while (i < tsquery.length) {
        if (tsquery.charAt(i) === "'" && tsquery.charAt(i + 1) === "'") i += 2;
        else if (tsquery.charAt(i) === "'") break;
        else i += 1;
      }
    } else if (ch === "(") {
      depth += 1;
    } else if (ch === ")") {
      depth -= 1;
    } else if (ch === "|" && depth === 0) {
      parts.push(tsquery.slice(start, i));
      start = i + 1;
    }
    i += 1;
  }
  parts.push(tsquery.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}
