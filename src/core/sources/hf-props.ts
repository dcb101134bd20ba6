// Hugging Face pages hydrate Svelte components from HTML-escaped JSON in `data-props`; this pulls those blobs out.
import { load } from "cheerio/slim";
import { decodeHTMLAttribute } from "entities";
import { isRecord } from "./field-values";

export type TPropsBlock = {
  target: string | undefined;
  props: Record<string, unknown> | undefined;
  /** Why `props` is missing: unterminated attribute or invalid JSON. */
  problem?: string;
};

const TARGET_ATTR = /\bdata-target\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;

function parseProps(json: string): Pick<TPropsBlock, "props" | "problem"> {
  try {
    const value: unknown = JSON.parse(json);
    return isRecord(value) ? { props: value } : { props: undefined, problem: "data-props is not a JSON object" };
  } catch {
    return { props: undefined, problem: "data-props is not valid JSON (truncated or malformed)" };
  }
}

/**
 * Scans the page text for data-props attributes instead of building a DOM: the daily page is
 * over 200 KB and almost all of it is this one attribute, so a full parse would dominate the cost.
 */
function scanBlocks(html: string): TPropsBlock[] {
  const blocks: TPropsBlock[] = [];
  const propsAttr = /\bdata-props\s*=\s*(["'])/gi;
  for (let match = propsAttr.exec(html); match !== null; match = propsAttr.exec(html)) {
    const quote = match[1] ?? '"';
    const valueStart = propsAttr.lastIndex;
    const valueEnd = html.indexOf(quote, valueStart);
    const tagStart = html.lastIndexOf("<", match.index);
    const tagEnd = valueEnd < 0 ? -1 : html.indexOf(">", valueEnd + 1);
    const otherAttrs =
      html.slice(tagStart < 0 ? match.index : tagStart, match.index) + (valueEnd < 0 ? "" : html.slice(valueEnd + 1, tagEnd < 0 ? valueEnd + 1 : tagEnd));
    const target = TARGET_ATTR.exec(otherAttrs);
    const targetName = target ? (target[1] ?? target[2] ?? target[3]) : undefined;
    if (valueEnd < 0) {
      blocks.push({ target: targetName, props: undefined, problem: "data-props attribute is unterminated (truncated page?)" });
      break;
    }
    // Attribute-value decoding, as the HTML parser in domBlocks applies it, so both paths read the same JSON.
    blocks.push({ target: targetName, ...parseProps(decodeHTMLAttribute(html.slice(valueStart, valueEnd))) });
    propsAttr.lastIndex = valueEnd + 1;
  }
  return blocks;
}

/** Slow path for markup the scanner does not recognise (e.g. unusual attribute syntax). */
function domBlocks(html: string): TPropsBlock[] {
  const $ = load(html);
  return $("[data-props]")
    .toArray()
    .map((el) => {
      // cheerio has already decoded the attribute's character references.
      return { target: $(el).attr("data-target"), ...parseProps($(el).attr("data-props") ?? "") };
    });
}

export function extractPropsBlocks(html: string): TPropsBlock[] {
  const blocks = scanBlocks(html);
  if (blocks.length > 0 || !/data-props/i.test(html)) return blocks;
  return domBlocks(html);
}
