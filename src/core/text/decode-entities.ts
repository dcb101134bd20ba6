// Text that reaches us outside an HTML parser (JSON fields, attribute values) can still carry HTML character references.
import { load } from "cheerio/slim";

const COMMON_NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00A0",
  ndash: "\u2013",
  mdash: "\u2014",
  hellip: "\u2026",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201C",
  rdquo: "\u201D",
  middot: "\u00B7",
  times: "\u00D7",
};

const ENTITY = /&(?:#(\d{1,8})|#[xX]([0-9a-fA-F]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

// The full HTML5 table is large; rare names are resolved once through cheerio's decoder and cached.
const rareNamed = new Map<string, string>();

function decodeNamed(name: string, raw: string): string {
  const common = COMMON_NAMED[name];
  if (common !== undefined) return common;
  const cached = rareNamed.get(name);
  if (cached !== undefined) return cached;
  const decoded = load(`<p>${raw}</p>`, null, false).text();
  // A whole-name match decodes to one or two code points; "&notanentity;" would only match the
  // legacy prefix "&not" and leave the rest behind, which is not a reference at all.
  const value = decoded !== raw && [...decoded].length <= 2 ? decoded : raw;
  if (rareNamed.size < 512) rareNamed.set(name, value);
  return value;
}

function fromCodePoint(code: number): string {
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return valid ? String.fromCodePoint(code) : "\uFFFD";
}

/** Decodes named and numeric HTML character references; unknown names are left as written. */
export function decodeEntities(input: string): string {
  if (!input.includes("&")) return input;
  return input.replace(ENTITY, (raw, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    return name === undefined ? raw : decodeNamed(name, raw);
  });
}
