// Paper text is stored and rendered as text, never HTML: real HTML tags go, character references are decoded once.
import { decodeHTMLStrict } from "entities";
import { normalizeWhitespace } from "./normalize-whitespace";

// Only genuine HTML elements are markup. Abstracts legitimately mention tokens such as <swi>, <think>,
// <eos> or </s>, so anything else in angle brackets is text and stays. ("s" is deliberately absent.)
const INLINE_TAGS = new Set([
  "a",
  "abbr",
  "b",
  "bdi",
  "bdo",
  "big",
  "cite",
  "code",
  "dfn",
  "em",
  "font",
  "i",
  "kbd",
  "mark",
  "q",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "tt",
  "u",
  "var",
  "wbr",
]);
const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "br",
  "caption",
  "center",
  "dd",
  "div",
  "dl",
  "dt",
  "embed",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "head",
  "header",
  "hr",
  "html",
  "iframe",
  "img",
  "li",
  "main",
  "math",
  "nav",
  "object",
  "ol",
  "p",
  "pre",
  "section",
  "svg",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const RAW_TEXT_ELEMENT = /<(script|style|template)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
const TAG = /<\/?([A-Za-z][A-Za-z0-9]*)(?:\s[^<>]*)?\/?>/g;

function replaceTag(tag: string, name: string): string {
  const lower = name.toLowerCase();
  if (INLINE_TAGS.has(lower)) return "";
  return BLOCK_TAGS.has(lower) ? " " : tag;
}

/**
 * Removes HTML tags (inline ones without a gap, block ones as a space), decodes character references and collapses whitespace.
 * Decoding is strict: only references ending in ";" count, so "AT&T" or "&notanentity;" stay as written.
 */
export function stripMarkup(input: string): string {
  if (!input.includes("<") && !input.includes("&")) return normalizeWhitespace(input);
  const withoutTags = input.replace(COMMENT, " ").replace(RAW_TEXT_ELEMENT, " ").replace(TAG, replaceTag);
  return normalizeWhitespace(decodeHTMLStrict(withoutTags));
}

/** A tag that only real markup holds, where text merely mentions "&" or "<s>". */
const MARKUP_HINT = /<\/?(?:p|br|a|i|b|em|strong|div|span|sub|sup)\b[^>]*>/i;

/**
 * Text that may show markup as text (arXiv's feed descriptions and creators, and its listing pages' abstracts, which escape it twice:
 * `Bi&lt;sub&gt;2&lt;/sub&gt;O`): stripped as markup (`stripMarkup`) when a real tag shows, else only whitespace-normalised, so an
 * abstract that mentions "AT&amp;T" or "<s>" keeps it as written.
 */
export function stripShownMarkup(text: string): string {
  return MARKUP_HINT.test(text) ? stripMarkup(text) : normalizeWhitespace(text);
}
