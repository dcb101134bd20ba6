// Words as PostgreSQL's english text search configuration reads them, for the highlighter and for estimating a search's matches.
import snowball from "snowball-stemmers";

/** PostgreSQL's english.stop, which its english_stem dictionary applies before stemming: these words are never lexemes. */
const STOPWORDS = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them
  their theirs themselves what which who whom this that these those am is are was were be been being have has had having do does did doing
  a an the and but if or because as until while of at by for with about against between into through during before after above below to
  from up down in out on off over under again further then once here there when where why how all any both each few more most other some
  such no nor not only own same so than too very s t can will just don should now`.split(/\s+/),
);

const LETTERS = /^\p{L}+$/u;

/**
 * The Snowball English stemmer PostgreSQL's english_stem runs (the same algorithm: it agreed on all 10,263 words of the captured
 * listings). It takes a few microseconds a word, so each token's lexeme is remembered; a process sees a vocabulary of tens of
 * thousands of words.
 */
const stemmer = snowball.newStemmer("english");
const LEXEME_MEMORY = 100_000;
const lexemeMemory = new Map<string, string | null>();

function readLexeme(token: string): string | null {
  const lower = token.toLowerCase();
  return !LETTERS.test(token) ? lower : STOPWORDS.has(lower) ? null : stemmer.stem(lower);
}

/** A token's lexeme under PostgreSQL's english configuration: words stemmed (stopwords none), numbers and dotted tokens lowercased. */
export function lexemeOf(token: string): string | null {
  let lexeme = lexemeMemory.get(token);
  if (lexeme === undefined) {
    lexeme = readLexeme(token);
    if (lexemeMemory.size >= LEXEME_MEMORY) lexemeMemory.clear();
    lexemeMemory.set(token, lexeme);
  }
  return lexeme;
}

/**
 * Whether a search's text is plain words (letters, digits and spaces, no OR): websearch_to_tsquery reads it as all of its words'
 * lexemes, with no phrase, hyphen or operator to resolve.
 */
export function isPlainWords(text: string): boolean {
  return /^[\p{L}\p{N}\s]*$/u.test(text) && !/\bor\b/i.test(text);
}

/**
 * The lexemes websearch_to_tsquery('english', text) requires of plain words (isPlainWords), in order, stopwords left out: each run of
 * letters and digits is one token of PostgreSQL's parser (a word, or a word with digits, which it only lowercases).
 */
export function plainWordLexemes(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).flatMap((token) => {
    // Not remembered: visitors choose a search's words, and could fill the memory the feed's own words are kept in.
    const lexeme = readLexeme(token);
    return lexeme === null ? [] : [lexeme];
  });
}
