// Scraped JSON is untyped: these turn unknown values into clean optional fields, or undefined when unusable.
import { normalizeWhitespace } from "@/core/text/normalize-whitespace";
import { stripMarkup } from "@/core/text/strip-markup";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string field as plain text (tags stripped, entities decoded), or undefined when absent or blank. */
export function plainText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = stripMarkup(value);
  return text.length > 0 ? text : undefined;
}

/** A string field with whitespace normalised but markup left alone (for text that is already text). */
export function cleanText(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = normalizeWhitespace(value);
  return text.length > 0 ? text : undefined;
}

export function plainTextList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.map(plainText).filter((s): s is string => s !== undefined);
  return list.length > 0 ? list : undefined;
}

/** A non-negative integer from a number or a numeric string ("1,234" included), else undefined. */
export function countOf(value: unknown): number | undefined {
  const n =
    typeof value === "number"
      ? value
      : typeof value === "string" && /^\s*\d[\d,]*\s*$/.test(value)
        ? Number.parseInt(value.replace(/[,\s]/g, ""), 10)
        : Number.NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** An absolute http(s) URL; scheme-less "example.org/x" gets https, relative paths resolve against `base`. */
export function httpUrl(value: unknown, base?: string): string | undefined {
  if (typeof value !== "string") return undefined;
  const raw = value.trim();
  if (raw.length === 0 || raw.length > 2000 || /\s/.test(raw)) return undefined;
  let candidate = raw;
  if (raw.startsWith("//")) candidate = `https:${raw}`;
  else if (raw.startsWith("/")) candidate = base === undefined ? "" : new URL(raw, base).toString();
  else if (!/^[a-z][a-z0-9+.-]*:/i.test(raw) && /^[\w-]+(\.[\w-]+)+(?:[/:?#]|$)/.test(raw)) candidate = `https://${raw}`;
  if (!URL.canParse(candidate)) return undefined;
  const { protocol } = new URL(candidate);
  return protocol === "https:" || protocol === "http:" ? candidate : undefined;
}
