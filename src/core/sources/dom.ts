// Small DOM helpers shared by the HTML and XML parsers, including namespace-agnostic XML lookups.
import type { CheerioAPI } from "cheerio/slim";
import { normalizeWhitespace } from "@/core/text/normalize-whitespace";

// cheerio does not re-export domhandler's Element type; derive it from what cheerio's own
// selector call returns instead of importing a package this project does not depend on directly.
declare const _select: CheerioAPI;
type TSelection = ReturnType<typeof _select<never, "a">>;
export type TElement = TSelection[number];

type TNodeLike = { type?: unknown; data?: unknown; children?: unknown };

export function isElement(node: unknown): node is TElement {
  return typeof node === "object" && node !== null && "attribs" in node && "name" in node;
}

/** "arxiv:primary_category" → "primary_category", lower-cased, so prefixes and case never matter. */
export function localName(el: TElement): string {
  const name = el.name;
  const colon = name.lastIndexOf(":");
  return (colon >= 0 ? name.slice(colon + 1) : name).toLowerCase();
}

/** A subtree to leave out of a walk, e.g. a block that broken markup nested where it does not belong. */
export type TSkip = (node: TElement) => boolean;

/** What an element reads as instead of its text (a link's address for its placeholder), or undefined for its text. */
export type TReading = (node: TElement) => string | undefined;

// Walking domhandler nodes directly: wrapping every node in a cheerio object costs more than the parse.
function appendText(node: TNodeLike, out: string[], skip: TSkip | undefined, reading: TReading | undefined): void {
  if ((node.type === "text" || node.type === "cdata") && typeof node.data === "string") out.push(node.data);
  if (!Array.isArray(node.children)) return;
  for (const child of node.children as TNodeLike[]) {
    if (!isElement(child)) appendText(child, out, skip, reading);
    else if (skip === undefined || !skip(child)) {
      const read = reading?.(child);
      if (read === undefined) appendText(child, out, skip, reading);
      else out.push(read);
    }
  }
}

/** Concatenated text content of a node (entities already decoded by the parser), minus skipped subtrees. */
export function rawText(el: TElement, skip?: TSkip, reading?: TReading): string {
  const out: string[] = [];
  appendText(el, out, skip, reading);
  return out.join("");
}

export function textOf(el: TElement, skip?: TSkip, reading?: TReading): string {
  return normalizeWhitespace(rawText(el, skip, reading));
}

/** Direct element children of `el` whose local name is `name`. */
export function childrenNamed(el: TElement, name: string): TElement[] {
  const wanted = name.toLowerCase();
  return el.children.filter((child): child is TElement => isElement(child) && localName(child) === wanted);
}

/** All descendant elements of `el` whose local name is `name`, in document order. */
export function descendantsNamed(el: TElement, name: string): TElement[] {
  const wanted = name.toLowerCase();
  return findAll(el, (node) => localName(node) === wanted);
}

/** Whitespace-normalised text of the first child named `name`, or undefined when absent or blank. */
export function childText(el: TElement, name: string): string | undefined {
  const first = childrenNamed(el, name)[0];
  if (first === undefined) return undefined;
  const text = textOf(first);
  return text.length > 0 ? text : undefined;
}

/** Raw (not whitespace-normalised) text of the first child named `name`. */
export function childRawText(el: TElement, name: string): string | undefined {
  const first = childrenNamed(el, name)[0];
  return first === undefined ? undefined : rawText(first);
}

export function attr(el: TElement, name: string): string | undefined {
  return el.attribs[name];
}

export function hasClass(el: TElement, className: string): boolean {
  const classes = el.attribs.class;
  return classes !== undefined && classes.split(/\s+/).includes(className);
}

/** First descendant element (depth-first, document order) for which `match` holds. */
export function findFirst(el: TElement, match: (node: TElement) => boolean): TElement | undefined {
  for (const child of el.children) {
    if (!isElement(child)) continue;
    if (match(child)) return child;
    const deeper = findFirst(child, match);
    if (deeper) return deeper;
  }
  return undefined;
}

/** All descendant elements for which `match` holds, in document order, not entering skipped subtrees. */
export function findAll(el: TElement, match: (node: TElement) => boolean, skip?: TSkip): TElement[] {
  const found: TElement[] = [];
  const visit = (node: TElement): void => {
    for (const child of node.children) {
      if (!isElement(child) || skip?.(child)) continue;
      if (match(child)) found.push(child);
      visit(child);
    }
  };
  visit(el);
  return found;
}
