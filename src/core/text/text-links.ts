// An abstract's web addresses as links: authors write where their code lives ("Code: https://github.com/…"), and a reader clicks it.

type TTextPart = { text: string; href?: string };

/** An http(s) address up to a space, a quote or an angle bracket; what closes a sentence after it is cut off below. */
const ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence or a clause after an address, never the address's own last character. */
const TRAILING = /[.,;:!?]+$/;

/** A closing bracket the address did not open is the sentence's: "(code at https://x.org/a)" links https://x.org/a. */
function withoutUnopenedClose(address: string): string {
  let end = address;
  for (;;) {
    const trimmed = end.replace(TRAILING, "");
    const last = trimmed.at(-1);
    const open = last === ")" ? "(" : last === "]" ? "[" : last === "}" ? "{" : null;
    if (open === null || trimmed.split(open).length > trimmed.split(last!).length - 1) return trimmed;
    end = trimmed.slice(0, -1);
  }
}

/** `text` as parts in order, each plain text or an address with its `href`; joined, the parts are `text` again. */
export function textLinks(text: string): TTextPart[] {
  const parts: TTextPart[] = [];
  let at = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = withoutUnopenedClose(match[0]);
    // "https://" alone, or cut back to nothing that names a host.
    if (!/^https?:\/\/[^/?#]*[\p{L}\p{N}]/iu.test(address)) continue;
    if (match.index > at) parts.push({ text: text.slice(at, match.index) });
    parts.push({ text: address, href: address });
    at = match.index + address.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
