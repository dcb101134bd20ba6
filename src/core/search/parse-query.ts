// Splits a feed search box query into `author:` filters and the remaining full-text query, which
// is left in websearch_to_tsquery syntax ("phrases", OR, -exclusions) for PostgreSQL to parse.
import { findArxivIds, parseArxivId } from "../text/arxiv-id";

/** `whole`: the name was quoted (`author:"Ada Lovelace"`), so its words are whole words; a bare `author:love` is a word prefix. */
export type TAuthorFilter = { name: string; whole: boolean };

/**
 * `arxivId`: the query was one paper's arXiv id, however written ("2401.12345v2", "arXiv:2401.12345", an arxiv.org or Hugging Face
 * link), which names that paper: no paper's text holds its own id, so as words it would find nothing.
 */
export type TSearchQuery = { text: string; authors: TAuthorFilter[]; arxivId?: string };

const AUTHOR_KEY = "author:";

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

/** Index just past the closing quote of a quote opened at `open`, or the end of an unclosed one. */
function closeQuote(q: string, open: number): number {
  const close = q.indexOf('"', open + 1);
  return close === -1 ? q.length : close + 1;
}

/**
 * Extracts `author:Name` and `author:"Full Name"` (key in any case) at the start of a word; `<` and `>` in the text are spaces.
 * Quoted phrases are copied whole, so `"author:x"` stays a phrase; `-author:x` is not a filter
 * and stays in the text. Author names are deduplicated case-insensitively, in order. A quoted name's words are whole words, which
 * the search index finds exactly; a bare name's are word prefixes, which it finds only by gathering every word they begin.
 */
export function parseSearchQuery(q: string): TSearchQuery {
  const text: string[] = [];
  const authors: TAuthorFilter[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < q.length) {
    const ch = q.charAt(i);
    if (isSpace(ch)) {
      text.push(" ");
      i += 1;
    } else if (q.slice(i, i + AUTHOR_KEY.length).toLowerCase() === AUTHOR_KEY) {
      const start = i + AUTHOR_KEY.length;
      let end = start;
      let name: string;
      let whole = false;
      if (q.charAt(start) === '"') {
        const close = q.indexOf('"', start + 1);
        // An unclosed quote is a name still being typed: its last word stays a prefix.
        whole = close !== -1;
        end = close === -1 ? q.length : close + 1;
        name = q.slice(start + 1, close === -1 ? q.length : close);
      } else {
        while (end < q.length && !isSpace(q.charAt(end))) end += 1;
        name = q.slice(start, end);
      }
      name = name.replace(/\s+/g, " ").trim();
      if (name && !seen.has(name.toLowerCase())) {
        seen.add(name.toLowerCase());
        authors.push({ name, whole });
      }
      i = end;
    } else if (ch === '"') {
      const end = closeQuote(q, i);
      text.push(q.slice(i, end));
      i = end;
    } else {
      // A word ends at whitespace or at a quote, so `foo"bar baz"` keeps its phrase intact.
      let end = i + 1;
      while (end < q.length && !isSpace(q.charAt(end)) && q.charAt(end) !== '"') end += 1;
      text.push(q.slice(i, end));
      i = end;
    }
  }
  // Angle brackets are spaces, as in the search document (see the search_angle_brackets migration): PostgreSQL read "<think>" as
  // a tag and dropped it, which put a phrase's words at positions no paper holds.
  const words = text.join("").replace(/[<>]/g, " ").replace(/\s+/g, " ").trim();
  const arxivId = paperNamed(words);
  return arxivId ? { text: "", authors, arxivId } : { text: words, authors };
}

/** The arXiv id `words` consist of, if they are one id or one link to a paper. */
function paperNamed(words: string): string | undefined {
  if (words === "" || /\s/.test(words)) return undefined;
  const parsed = parseArxivId(words);
  if (parsed) return parsed.id;
  // A Hugging Face paper link, or a link inside other characters ("(arxiv.org/abs/…)"), which only the free-text finder reads.
  const linked = findArxivIds(words);
  return linked.length === 1 ? linked[0]!.id : undefined;
}
