// An abstract's web addresses as links: authors write where their code lives ("Code: https://github.com/…"), and a reader clicks it.
import { safeHttpUrl } from "./http-url";

type TTextPart = { text: string; href?: string };

/**
 * An http(s) address up to a space, a quote (straight or curly), an angle bracket, an ellipsis or a full-width punctuation mark, none of
 * which an address holds unencoded; what closes a sentence after it is cut off below.
 */
const ADDRESS = /\bhttps?:\/\/[^\s<>"'`“”‘’«»…。，；：！？、（）【】「」『』]+/gi;
/** Punctuation that ends a sentence or a clause after an address, never the address's own last character. */
const TRAILING = new Set([".", ",", ";", ":", "!", "?"]);
const OPENING: Record<string, string> = { ")": "(", "]": "[", "}": "{" };

/**
 * The address without what closes the sentence around it: trailing punctuation, and a closing bracket the address did not open, so
 * "(code at https://x.org/a)" links https://x.org/a and ".../Set_(mathematics)" keeps its bracket. Each character is looked at once:
 * an address from a source can be long.
 */
function withoutUnopenedClose(address: string): string {
  const unmatched: Record<string, number> = {};
  for (const [close, open] of Object.entries(OPENING)) unmatched[close] = address.split(close).length - address.split(open).length;
  let end = address.length;
  for (;;) {
    const last = address[end - 1]!;
    if (TRAILING.has(last)) end -= 1;
    else if (last in OPENING && unmatched[last]! > 0) {
      unmatched[last]! -= 1;
      end -= 1;
    } else return address.slice(0, end);
  }
}

/** `text` as parts in order, each plain text or an address with its `href`; joined, the parts are `text` again. */
export function textLinks(text: string): TTextPart[] {
  const parts: TTextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = withoutUnopenedClose(match[0]);
    // "https://" alone, cut back to nothing that names a host, or no URL at all ("https://exa[mple.org"): left as text, never a broken link.
    if (!/^https?:\/\/[^/?#]*[\p{L}\p{N}]/iu.test(address) || safeHttpUrl(address) === null) continue;
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ text: address, href: address });
    at = match.index + address.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
