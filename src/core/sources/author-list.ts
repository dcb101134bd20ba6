// Some sources give authors as one string ("A, B, C and D"); this splits it without breaking "Jr." suffixes.
import { normalizeWhitespace } from "@/core/text/normalize-whitespace";

const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;

export function splitAuthorList(text: string): string[] {
  const names: string[] = [];
  for (const raw of normalizeWhitespace(text).split(/\s*[,;]\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)) {
    const name = raw.trim();
    if (name.length === 0) continue;
    const last = names.length - 1;
    if (SUFFIX.test(name) && last >= 0) names[last] = `${names[last]}, ${name}`;
    else names.push(name);
  }
  return names;
}
