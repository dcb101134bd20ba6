// Loads an XML feed with cheerio and answers the questions every feed parser asks first: which root, is it complete.
import { load } from "cheerio/slim";
import { isElement, localName, type TElement } from "./dom";

export type TXmlFeed = { root: TElement | undefined; rootName: string | undefined };

export function loadXmlFeed(body: string): TXmlFeed {
  const $ = load(body.replace(/^\uFEFF/, ""), { xml: true });
  const root = $.root()
    .contents()
    .toArray()
    .find((node): node is TElement => isElement(node));
  return { root, rootName: root === undefined ? undefined : localName(root) };
}

/**
 * cheerio's XML mode is forgiving and never rejects a document, so a feed cut off in transit
 * would silently parse as a shorter feed; requiring the root's closing tag at the end catches that.
 */
export function endsWithClosingTag(body: string, rootLocalName: string): boolean {
  const tail = body.slice(-2048).replace(/(?:\s|<!--[\s\S]*?-->)+$/, "");
  return new RegExp(`</(?:[\\w.-]+:)?${rootLocalName}\\s*>$`, "i").test(tail);
}
