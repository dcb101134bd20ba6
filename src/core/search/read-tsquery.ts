// Reads PostgreSQL's text form of a tsquery: its top-level ORs, so each alternative can be matched (and
// index-checked) on its own, the adjacent word pairs a match must contain, so a phrase can use the pair index,
// and hyphenated words, which need no word positions to match.

type TToken = { kind: "lexeme" | "op" | "open" | "close"; text: string; start: number; end: number };

/** Tokens of a printed tsquery: quoted lexemes (with '' and \ escapes and any :* or :AB suffix), operators and parentheses. */
function tokenize(tsquery: string): TToken[] {
  const tokens: TToken[] = [];
  let i = 0;
  while (i < tsquery.length) {
    const ch = tsquery.charAt(i);
    const start = i;
    if (ch === "'") {
      i += 1;
      while (i < tsquery.length) {
        if (tsquery.charAt(i) === "\\") i += 2;
        else if (tsquery.charAt(i) === "'" && tsquery.charAt(i + 1) === "'") i += 2;
        else if (tsquery.charAt(i) === "'") break;
        else i += 1;
      }
      i += 1;
      while (i < tsquery.length && /[:*A-D]/.test(tsquery.charAt(i))) i += 1;
      tokens.push({ kind: "lexeme", text: tsquery.slice(start, i), start, end: i });
    } else if (ch === "(" || ch === ")") {
      i += 1;
      tokens.push({ kind: ch === "(" ? "open" : "close", text: ch, start, end: i });
    } else if (ch === "<") {
      const close = tsquery.indexOf(">", i);
      i = close === -1 ? tsquery.length : close + 1;
      tokens.push({ kind: "op", text: tsquery.slice(start, i), start, end: i });
    } else if (/\s/.test(ch)) {
      i += 1;
    } else {
      i += 1;
      tokens.push({ kind: "op", text: ch, start, end: i });
    }
  }
  return tokens;
}

/** Splits tokens at an operator outside parentheses. */
function splitAt(tokens: TToken[], op: string): TToken[][] {
  const parts: TToken[][] = [[]];
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === "open") depth += 1;
    if (token.kind === "close") depth -= 1;
    if (token.kind === "op" && token.text === op && depth === 0) parts.push([]);
    else parts.at(-1)!.push(token);
  }
  return parts.filter((part) => part.length > 0);
}

/**
 * The top-level `|` alternatives of a tsquery as printed by PostgreSQL (`'a' <-> 'b' | 'c' & !'d'`),
 * each still valid tsquery text. Quoted lexemes (with '' escapes) and parenthesised groups stay whole.
 * A query without a top-level OR comes back as its single alternative; an empty one as none.
 */
export function splitTopLevelOr(tsquery: string): string[] {
  return splitAt(tokenize(tsquery), "|").map((part) => tsquery.slice(part[0]!.start, part.at(-1)!.end).trim());
}

/** A plain quoted lexeme's text ('it''s' → it's, 'a\\b' → a\b); null for a weighted or prefix lexeme. */
function lexemeText(token: TToken): string | null {
  if (!token.text.endsWith("'") || token.text.length < 2) return null;
  return token.text.slice(1, -1).replace(/\\(.)|''/gs, (_m, escaped: string | undefined) => escaped ?? "'");
}

/** The top-level AND terms of one alternative that are a plain chain of lexemes joined by distance operators (`'a' <-> 'b'`). */
function requiredChains(alternative: string): TToken[][] {
  return splitAt(tokenize(alternative), "&").filter(
    (term) =>
      term.length >= 3 &&
      term.length % 2 === 1 &&
      term.every((t, i) => (i % 2 === 0 ? t.kind === "lexeme" && lexemeText(t) !== null : t.kind === "op" && /^<\d*-?>$/.test(t.text))),
  );
}

/** The lexeme tokens joined by `<->` (or `<1>`) in a chain: each adjacent pair's two tokens. */
function adjacentTokenPairs(chain: TToken[]): [TToken, TToken][] {
  const pairs: [TToken, TToken][] = [];
  for (let i = 1; i < chain.length; i += 2) {
    if (chain[i]!.text === "<->" || chain[i]!.text === "<1>") pairs.push([chain[i - 1]!, chain[i + 1]!]);
  }
  return pairs;
}

/**
 * The pairs of lexemes that must stand at adjacent positions in any document matching this query
 * (one alternative, without a top-level OR): those joined by `<->` in a top-level AND term that is a
 * plain chain of lexemes, as websearch_to_tsquery writes a quoted phrase or a hyphenated word.
 * Negated, grouped, weighted or prefix terms give none, so the list only ever narrows what must match.
 */
export function requiredAdjacentPairs(alternative: string): [string, string][] {
  return requiredChains(alternative).flatMap((chain) => adjacentTokenPairs(chain).map(([a, b]): [string, string] => [lexemeText(a)!, lexemeText(b)!]));
}

/**
 * The lexemes of requiredAdjacentPairs, each once, with the lexeme as printed (`'it''s'`), which is a tsquery of that lexeme alone:
 * a document matching the alternative holds every one of them.
 */
export function requiredPairLexemes(alternative: string): { lexeme: string; printed: string }[] {
  const seen = new Map<string, string>();
  for (const chain of requiredChains(alternative)) {
    for (const token of adjacentTokenPairs(chain).flat()) seen.set(lexemeText(token)!, token.text);
  }
  return [...seen].map(([lexeme, printed]) => ({ lexeme, printed }));
}

/** Letters and digits joined by hyphens: a compound the parser also splits into its parts (not a host, path or number). */
const COMPOUND = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u;

function phraseDistance(token: TToken | undefined): number | null {
  if (token?.kind !== "op") return null;
  if (token.text === "<->") return 1;
  const n = /^<(\d+)>$/.exec(token.text);
  return n ? Number(n[1]) : null;
}

/**
 * The tsquery with each hyphenated word's phrase folded to its compound lexeme: PostgreSQL's parser writes
 * "auto-grading" as `'auto-grad' <-> 'auto' <-> 'grade'`, and this returns `'auto-grad'`, carrying the
 * distance over to a following phrase word. The parser puts a compound's parts at the positions right after
 * it (one per hyphen-separated segment, a stopword leaving a gap), in documents as in queries, so a document
 * holding the compound holds its parts there, and both forms match the same papers. The folded form needs
 * no word positions, so the GIN index answers it without rereading documents.
 */
export function foldHyphenatedWords(tsquery: string): string {
  const tokens = tokenize(tsquery);
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    out.push(token.text);
    i += 1;
    const text = token.kind === "lexeme" ? lexemeText(token) : null;
    if (text === null || !COMPOUND.test(text)) continue;
    const parts = text.split("-").length;
    let covered = 0;
    for (let d = phraseDistance(tokens[i]); d !== null && tokens[i + 1]?.kind === "lexeme" && covered + d <= parts; d = phraseDistance(tokens[i])) {
      covered += d;
      i += 2;
    }
    const next = phraseDistance(tokens[i]);
    if (covered > 0 && next !== null) tokens[i] = { ...tokens[i]!, text: `<${next + covered}>` };
  }
  return out.join(" ");
}

/**
 * Whether an alternative (no top-level OR) requires some word: a lexeme outside every negation. `!'step' & !'math'` requires none, so it
 * matches nearly every paper and the index cannot narrow it: PostgreSQL would read each paper's document to see what it leaves out.
 */
export function requiresAWord(alternative: string): boolean {
  const tokens = tokenize(alternative);
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.kind === "lexeme") return true;
    if (token.kind !== "op" || token.text !== "!") continue;
    // Skip the negated operand: one lexeme, a group, or another negation of either.
    while (tokens[i + 1]?.kind === "op" && tokens[i + 1]!.text === "!") i += 1;
    if (tokens[i + 1]?.kind === "open") {
      let depth = 0;
      do {
        i += 1;
        if (tokens[i]?.kind === "open") depth += 1;
        if (tokens[i]?.kind === "close") depth -= 1;
      } while (i < tokens.length && depth > 0);
    } else {
      i += 1;
    }
  }
  return false;
}

/**
 * The top-level AND terms of an alternative (no top-level OR) that are a single lexeme, as printed (`'zebra'`, `'graph':*`), joined
 * with `&`: what a match needs besides its phrases, which the GIN index answers exactly; null when there is none.
 */
export function standaloneLexemes(alternative: string): string | null {
  const terms = splitAt(tokenize(alternative), "&").filter((term) => term.length === 1 && term[0]!.kind === "lexeme");
  return terms.length ? terms.map((term) => term[0]!.text).join(" & ") : null;
}

/**
 * Every plain lexeme of a printed tsquery, whatever its operator: ts_headline marked them all, negated ones too (`-video` still shows
 * where a result says video). Weighted and prefix lexemes, which websearch_to_tsquery never writes, are left out.
 */
export function queryLexemes(tsquery: string): Set<string> {
  const lexemes = new Set<string>();
  for (const token of tokenize(tsquery)) {
    const text = token.kind === "lexeme" ? lexemeText(token) : null;
    if (text) lexemes.add(text);
  }
  return lexemes;
}

/**
 * The lexemes of a tsquery that only asks for all of them (`'graph' & 'neural'`, as websearch_to_tsquery writes plain words), in
 * order; null when it asks anything else (an OR, a phrase, a negation, a group, a weighted or prefix lexeme).
 */
export function allOfLexemes(tsquery: string): string[] | null {
  const lexemes: string[] = [];
  for (const term of splitAt(tokenize(tsquery), "&")) {
    const text = term.length === 1 && term[0]!.kind === "lexeme" ? lexemeText(term[0]!) : null;
    if (text === null) return null;
    lexemes.push(text);
  }
  return lexemes;
}
