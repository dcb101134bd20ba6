// Paper lists for pages, feeds and the API: filters, trending/newest/top/relevance order, keyset pages, hidden papers excluded.
import {
  allOfLexemes,
  authorWords,
  foldHyphenatedWords,
  highlighterFor,
  isOneWordName,
  isPlainWords,
  oneWordPerName,
  parseSearchQuery,
  plainWordLexemes,
  rarePhraseWord,
  requiredAdjacentPairs,
  requiredPairLexemes,
  requiresAWord,
  splitTopLevelOr,
  standaloneLexemes,
  type TFeedFilters,
  type TLexemeStatistics,
} from "@/core/search";
import type { TPaper } from "@/core/paper";
import { escapeLike } from "./escape-like";
import { Prisma } from "@/generated/prisma/client";
import type { Db } from "../db";
import { AppError } from "../errors/app-error";
import { decodeCursor, encodeCursor, listOrderOf, type TListOrder } from "./paper-cursor";
import { pageSelect, rowToPaper, thumbnailOf, type TPaperRow } from "./paper-record";
import { hasFewMatches, rankedPage, searchLexemeStatistics } from "./paper-relevance";

/** A listed paper; with a text query, `highlight` holds title and abstract with matches between \u0002 and \u0003. */
type TListedPaper = TPaper & { highlight?: { title: string; abstract: string } };

export type TPaperPage = { papers: TListedPaper[]; nextCursor: string | null };

export type TListFilters = Pick<TFeedFilters, "q" | "category" | "hasCode" | "minUpvotes" | "sort" | "cursor">;

export type TDayRange = { start: string; end: string };

export const MAX_PAGE_SIZE = 100;

/** A highlighted search's rows carry its tsquery as PostgreSQL prints it, for highlighterFor: one column, no work per row. */
const HIGHLIGHT_COLUMN = Prisma.sql`q.tsq::text AS "hlQuery"`;

/** A paper row as COLUMNS selects it (the listing day already a string, its stored thumbnail's columns when it has one), with its sort value and highlights. */
type TRawRow = Omit<TPaperRow, "listedOn"> & {
  listedOn: string;
  thumbSha256: string | null;
  thumbType: string | null;
  thumbWidth: number | null;
  thumbHeight: number | null;
  sortValue: number | string;
  /** The sort key itself, which orders the page (relevance pages have none). */
  sortKey?: unknown;
  hlQuery: string | null;
};

/**
 * What a list is ordered by, as its indexes are built (trendingScore; listedOn; upvotes, each DESC), so a page is read in index order
 * and stops after `limit` rows. The order was once written as text and float (`to_char(listedOn)`, `upvotes::float8`), which no index
 * serves: every match was read and sorted, and at a million papers `author:"li"` by newest read 243,000 rows (1.7 s warm, 11 s cold).
 */
function sortKey(order: Exclude<TListOrder, "relevance">): Prisma.Sql {
  switch (order) {
    case "trending":
      return Prisma.sql`p."trendingScore"`;
    case "new":
      return Prisma.sql`p."listedOn"`;
    case "top":
      return Prisma.sql`p.upvotes`;
  }
}

/** The sort key's value as a cursor carries it: the day as text, the score and the upvotes as numbers. */
function cursorValue(order: Exclude<TListOrder, "relevance">): Prisma.Sql {
  return order === "new" ? Prisma.sql`to_char(p."listedOn", 'YYYY-MM-DD')` : Prisma.sql`${sortKey(order)}::float8`;
}

/** A cursor's value as the sort key's type (decodeCursor checked it is a calendar day, or a whole number for upvotes). */
function cursorBound(order: Exclude<TListOrder, "relevance">, value: number | string): Prisma.Sql {
  if (order === "new") return Prisma.sql`${value}::date`;
  if (order === "top") return Prisma.sql`${value}::int4`;
  return Prisma.sql`${value}::float8`;
}

/** The authors' words alone, as their own index holds them (migration papers_author_words). */
const AUTHOR_WORDS = Prisma.sql`paper_author_words(p.authors)`;

/**
 * An author filter's words (`authorWords`: prefixes for a bare name, whole words for a quoted one) must all be among `within`: by
 * default the authors' words, which their own index holds, so `author:` filters are narrowed by names alone: in the whole search
 * document, a prefix that also begins common words (`author:acc`, as in accuracy) matched nearly every paper, 1.5-4 s at 100,000.
 * The ILIKE beside a name of several words keeps them together in one author.
 *
 * Beside words to search for, a quoted name's whole words are looked up in the search document instead (`p.search`), which holds them
 * too: its index also holds the words and the trending blocks, and answers all three at once. Given the authors' own index, the planner
 * took it alone for a name whose words it thought rare together (264 papers for "Zhuofan Shi", which 9,392 hold), then read the search
 * document of each to check the words: 0.5 s at a million papers against 29 ms. A bare name's prefixes stay in the authors' index,
 * where they expand to names alone.
 */
const authorCondition = (terms: readonly string[], within: Prisma.Sql = AUTHOR_WORDS) => Prisma.sql`${within} @@ to_tsquery('simple', ${terms.join(" & ")})`;

/** Past this many readings, the estimate reads the author filters as written. */
const MAX_ESTIMATE_BRANCHES = 8;

/**
 * The conditions whose smallest estimate stands for the search's matches (see rankedPage): one per choice of a single word from each
 * author name. The planner multiplies the frequencies of a name's words as if they were independent, but a name's words come
 * together: "Zhuofan Shi", in 9,392 of a million papers, was estimated at 28, so with a common word beside it the first band held
 * every match (3,857 heap rows read and sorted, 40 ms) where the name's rarer word alone estimates it well. Undefined, so the search's
 * own conditions are estimated, when there is one reading only (no name of two words) or more than MAX_ESTIMATE_BRANCHES.
 */
function estimateConditions(filters: Prisma.Sql[], authors: readonly string[][]): Prisma.Sql[] | undefined {
  const choices = oneWordPerName(authors, MAX_ESTIMATE_BRANCHES);
  if (!choices || choices.length === 1) return undefined;
  return choices.map((chosen) => Prisma.join([...filters, ...chosen.map((term) => authorCondition([term]))], " AND "));
}

const COLUMNS = Prisma.sql`p.id, p."arxivId", p.title, p.abstract, p.authors, to_char(p."listedOn", 'YYYY-MM-DD') AS "listedOn",
  p."publishedAt", p.upvotes, p."githubUrl", p."githubStars", p."projectUrl", p."thumbnailUrl", p.categories,
  p."primaryCategory", p.keywords, p."aiSummary", p.organization, p."trendingScore",
  t.sha256 AS "thumbSha256", t."contentType" AS "thumbType", t.width AS "thumbWidth", t.height AS "thumbHeight"`;

/** The stored thumbnail's hash and size ride along with each listed paper (one join, never its bytes). */
const THUMBNAIL_JOIN = Prisma.sql`LEFT JOIN paper_thumbnails t ON t."paperId" = p.id`;

/**
 * A text query's condition, with the lexemes a document must all hold when that is all it asks (plain words, or hyphenated ones once
 * folded), from which rankedPage estimates its matches without asking the planner. `readings`, for a phrase, are conditions each
 * implied by the text, the smallest of whose estimates bounds its matches (alternativeCondition); the first stands for the text where
 * author names are read one word at a time (estimateConditions). `walkSql`, when `sql` looks a phrase's rare word up, is the condition
 * without it, for walking an order's index: there the word's papers are never read, and the planner, counting the word as independent
 * of the phrase, took its matches for few and read and sorted every one (44,829 for "finer grained" by newest at a million, 0.4-2.8 s).
 */
type TTextCondition = { sql: Prisma.Sql; walkSql?: Prisma.Sql; readings?: Prisma.Sql[]; lexemes?: string[] };

/**
 * A phrase word held by at most this share of the papers is also looked up in the search index beside its pairs' keys, and the planner
 * reads its papers when that pays. A pair key is 20 bits, so several pairs share one: at a million papers 3,453 papers held the key
 * of "core taxonomies" and 28 the phrase, and each of the others had its document read to rule it out (86-154 ms). Its word
 * "taxonomies", in 52,271 papers, left 205 to read (31-40 ms warm). The planner weighs the two from the pair column's statistics
 * (migration search_pairs_statistics). Words up to 30% of the papers cost more than they saved; the figures are in the README (Design,
 * phrases).
 */
const NARROWING_WORD_SHARE = 0.1;

/**
 * One alternative of a text query as a condition: hyphenated words folded to their compound lexeme, which
 * the GIN index answers exactly, and a phrase that remains narrowed first by the pair index. The GIN index
 * on `search` can only say "maybe" for a phrase, and a "maybe" makes PostgreSQL reread the whole document
 * of every paper holding the words; the pair index leaves only the papers holding them side by side. The
 * phrase is then checked as `ts_match_vq`, the function behind `@@`, which no index serves: given `@@`, the
 * planner also read the search index for the phrase's words and intersected both (150,000 papers holding
 * "benchmarking" and "agentic" at a million, 31 of a query's 43 ms, for 905 holding the pair; 5 ms without).
 * Words standing alone beside the phrase still go to the search index, where a rare one narrows further, and so does the phrase's
 * rarest word when it is rare (NARROWING_WORD_SHARE).
 */
function alternativeCondition(alternative: string, stats: TLexemeStatistics | null): TTextCondition {
  const folded = foldHyphenatedWords(alternative);
  const pairs = /<\d*-?>/.test(folded) ? requiredAdjacentPairs(alternative) : [];
  if (pairs.length === 0) return { sql: Prisma.sql`p.search @@ ${folded}::tsquery`, lexemes: allOfLexemes(folded) ?? undefined };
  const pairKeys = pairs.map(([lexeme, next]) => Prisma.sql`paper_search_pair_key(${lexeme}, ${next})`);
  const standalone = standaloneLexemes(folded);
  const besideStandalone = (word: string | null) => [standalone, word].filter((w) => w !== null).join(" & ") || null;
  const pairsAnd = (keys: Prisma.Sql[], words: string | null) =>
    Prisma.sql`p."searchPairs" @> ARRAY[${Prisma.join(keys)}]::int4[]${words === null ? Prisma.empty : Prisma.sql` AND p.search @@ ${words}::tsquery`}`;
  const phraseWords = requiredPairLexemes(alternative);
  const rare = stats && rarePhraseWord(phraseWords, stats, NARROWING_WORD_SHARE);
  const phrase = (words: string | null) => Prisma.sql`(${pairsAnd(pairKeys, words)} AND ts_match_vq(p.search, ${folded}::tsquery))`;
  return {
    sql: phrase(besideStandalone(rare)),
    walkSql: rare === null ? undefined : phrase(standalone),
    // One key at a time: the planner multiplies the frequencies of several keys as if independent, while a phrase's pairs come together.
    readings: [
      ...pairKeys.map((key) => pairsAnd([key], standalone)),
      ...phraseWords.map(({ printed }) => Prisma.sql`p.search @@ ${besideStandalone(printed)}::tsquery`),
    ],
  };
}

/**
 * `search @@ q`, written as one condition per top-level OR alternative, so a phrase in one alternative
 * does not make PostgreSQL recheck the papers the others match. Ranking and highlights keep the query as
 * written. Plain words without OR (no phrase, nothing to fold) skip the round trip. An alternative that
 * only leaves words out (`-step`, `x OR -y`) is refused unless an author filter narrows the search: it
 * matches nearly every paper, and finding which ones rereads every document (seconds at a million papers).
 */
export async function textCondition(db: Db, text: string, hasAuthors: boolean): Promise<TTextCondition> {
  if (isPlainWords(text)) {
    const lexemes = plainWordLexemes(text);
    if (lexemes.length === 0) throw noWordToSearch(text);
    return { sql: Prisma.sql`p.search @@ q.tsq`, lexemes };
  }
  const [row] = await db.$queryRaw<{ t: string }[]>`SELECT websearch_to_tsquery('english', ${text})::text AS t`;
  if (!row?.t) throw noWordToSearch(text);
  const alternatives = splitTopLevelOr(row.t);
  if (!hasAuthors && alternatives.some((alternative) => !requiresAWord(alternative))) {
    throw new AppError("INVALID_INPUT", "Add a word to search for: a search cannot only leave words out (-word).");
  }
  const stats = await searchLexemeStatistics(db);
  const conditions = alternatives.map((alternative) => alternativeCondition(alternative, stats));
  if (conditions.length === 1) return conditions[0]!;
  const anyOf = (sqls: Prisma.Sql[]) => Prisma.sql`(${Prisma.join(sqls, " OR ")})`;
  return {
    sql: anyOf(conditions.map((c) => c.sql)),
    walkSql: conditions.some((c) => c.walkSql) ? anyOf(conditions.map((c) => c.walkSql ?? c.sql)) : undefined,
    readings: conditions.some((c) => c.readings) ? [anyOf(conditions.map((c) => c.readings?.[0] ?? c.sql))] : undefined,
  };
}

/**
 * A search whose words PostgreSQL leaves all out (`the`, `-the`, an emoji, a zero-width space) matches no paper, and answered 200
 * with an empty list, saying nothing of why.
 */
function noWordToSearch(text: string): AppError {
  return new AppError(
    "INVALID_INPUT",
    `Add a word to search for: “${text.slice(0, 80)}” holds only common words (such as “the”) or symbols, which search leaves out.`,
  );
}

/**
 * One page of papers. Text queries use websearch_to_tsquery over the weighted `search` column (GIN
 * index) and `author:` filters match author names case-insensitively. With a text query the default
 * order is relevance (ts_rank); `sort=new|top` reorders. `highlight` (default true) adds the returned
 * rows' highlights (highlighterFor); callers that drop them (the JSON API, feeds) pass false.
 */
export async function listPapers(opts: { db: Db; filters: TListFilters; range?: TDayRange; limit: number; highlight?: boolean }): Promise<TPaperPage> {
  const { db, filters, range } = opts;
  const limit = Math.min(Math.max(1, opts.limit), MAX_PAGE_SIZE);
  const query = parseSearchQuery(filters.q ?? "");
  const hasText = query.text !== "";
  const order = listOrderOf(filters);
  const cursor = filters.cursor ? decodeCursor(filters.cursor, order) : null;

  const where: Prisma.Sql[] = [Prisma.sql`NOT p.hidden`];
  const text = hasText ? await textCondition(db, query.text, query.authors.length > 0) : null;
  if (text) where.push(text.sql);
  if (query.arxivId) where.push(Prisma.sql`p."arxivId" = ${query.arxivId}`);
  const names = query.authors.map((author) => ({ whole: author.whole, terms: authorWords(author) })).filter(({ terms }) => terms.length > 0);
  const authors = names.map(({ terms }) => terms);
  // Beside words, a quoted name is looked up in the search document, else in the authors' own index (authorCondition).
  const inDocument = (author: { whole: boolean }) => text !== null && author.whole;
  // A name must stand in one author's name as written, unless it is one word looked up among author names alone: its index entry.
  for (const author of query.authors.filter((name) => inDocument(name) || !isOneWordName(name))) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM unnest(p.authors) a WHERE a ILIKE ${`%${escapeLike(author.name)}%`})`);
  }
  // Containment, which the categories' GIN index serves.
  if (filters.category) where.push(Prisma.sql`p.categories @> ARRAY[${filters.category}]::text[]`);
  if (filters.hasCode) where.push(Prisma.sql`p."githubUrl" IS NOT NULL`);
  if (filters.minUpvotes > 0) where.push(Prisma.sql`p.upvotes >= ${filters.minUpvotes}`);
  if (range) where.push(Prisma.sql`p."listedOn" BETWEEN ${range.start}::date AND ${range.end}::date`);

  const tsq = Prisma.sql`(SELECT websearch_to_tsquery('english', ${query.text}) AS tsq) q`;
  const from = hasText ? Prisma.sql`papers p CROSS JOIN ${tsq}` : Prisma.sql`papers p`;
  const highlighted = hasText && opts.highlight !== false;
  const highlight = highlighted ? HIGHLIGHT_COLUMN : Prisma.sql`NULL::text AS "hlQuery"`;

  // Every condition, the author names' indexed words included; `where` alone leaves them out for the estimate.
  const nameConditions = names.map((name) => authorCondition(name.terms, inDocument(name) ? Prisma.sql`p.search` : AUTHOR_WORDS));
  const matching = [...where, ...nameConditions];
  // What the planner estimates: a phrase's readings in place of the text (TTextCondition), unless author names are read a word at a time.
  const withText = (reading: Prisma.Sql) => where.map((condition) => (condition === text?.sql ? reading : condition));
  const readings = text?.readings;
  const estimate = readings
    ? (estimateConditions(withText(readings[0]!), authors) ?? readings.map((reading) => Prisma.join([...withText(reading), ...nameConditions], " AND ")))
    : estimateConditions(where, authors);
  // Words and nothing else (NOT hidden and the text are all of `matching`): their matches are estimated from the statistics.
  const lexemes = matching.length === 2 ? text?.lexemes : undefined;
  let rows: TRawRow[];
  if (order === "relevance") {
    const ranked = await rankedPage<Omit<TRawRow, "sortValue"> & { rank: number }>(db, {
      from,
      tsq,
      where: Prisma.join(matching, " AND "),
      estimate,
      lexemes,
      cursor: cursor ? { rank: Number(cursor.value), id: cursor.id } : null,
      limit: limit + 1,
      // NOT p.hidden again: when later bands were read, the page is a statement of its own, and a paper hidden since stays out.
      rowsOf: (k) => Prisma.sql`SELECT ${COLUMNS}, ${highlight}, k.rank FROM ${from} JOIN ${k} ON k.id = p.id ${THUMBNAIL_JOIN} WHERE NOT p.hidden`,
    });
    rows = ranked.map(({ rank, ...row }) => ({ ...row, sortValue: rank }));
  } else {
    const key = sortKey(order);
    // Words, names or a category: their matches are read through their index and sorted when few, else the order's index is walked.
    // A name of several words always: the index finds papers holding its words anywhere, and how few of them have the whole name
    // (`ILIKE`) no estimate knows, so walking the order's index for "Wei Wang" read nearly every paper at a million (12-21 s).
    const fewMatches =
      authors.some((terms) => terms.length > 1) ||
      ((text !== null || authors.length > 0 || filters.category !== undefined || range !== undefined) &&
        (await hasFewMatches(db, {
          from,
          where: Prisma.join(matching, " AND "),
          estimate,
          lexemes,
          filtersOnly: text === null && authors.length === 0 && range === undefined ? { limit: limit + 1 } : undefined,
        })));
    // "+ 0" is the same order in an expression no index holds, so the planner reads the matches through the search index and sorts them.
    const sort = fewMatches ? Prisma.sql`(${key} + 0)` : key;
    const pageConditions = !fewMatches && text?.walkSql ? matching.map((condition) => (condition === text.sql ? text.walkSql! : condition)) : matching;
    if (cursor) pageConditions.push(Prisma.sql`(${key}, p.id) < (${cursorBound(order, cursor.value)}, ${cursor.id})`);
    // The page is cut first and its tsquery printed after, once per returned row, not per match sorted.
    rows = await db.$queryRaw<TRawRow[]>`
      SELECT p.*, ${highlight}
      FROM (SELECT ${COLUMNS}, ${cursorValue(order)} AS "sortValue", ${sort} AS "sortKey"
            FROM ${from} ${THUMBNAIL_JOIN}
            WHERE ${Prisma.join(pageConditions, " AND ")}
            ORDER BY ${sort} DESC, p.id DESC
            LIMIT ${limit + 1}) p ${highlighted ? Prisma.sql`CROSS JOIN ${tsq}` : Prisma.empty}
      ORDER BY p."sortKey" DESC, p.id DESC`;
  }

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  // Every row carries the same tsquery; the highlighter is made once for the page.
  const hlQuery = page[0]?.hlQuery ?? null;
  const highlighter = hlQuery === null ? null : highlighterFor(hlQuery);
  const nextCursor = rows.length > limit && last ? encodeCursor({ order, value: last.sortValue, id: last.id }) : null;
  return {
    papers: page.map(({ sortValue: _s, sortKey: _k, hlQuery: _q, publishedAt, thumbSha256, thumbType, thumbWidth, thumbHeight, ...paper }) => ({
      ...paper,
      publishedAt: publishedAt ? new Date(publishedAt).toISOString() : null,
      thumbnail:
        thumbSha256 !== null && thumbType !== null && thumbWidth !== null && thumbHeight !== null
          ? thumbnailOf(paper.id, { sha256: thumbSha256, contentType: thumbType, width: thumbWidth, height: thumbHeight })
          : null,
      ...(highlighter ? { highlight: highlighter(paper) } : {}),
    })),
    nextCursor,
  };
}

/** A visible paper by arXiv id, or by database id for a paper known by title alone (see parsePaperKey). */
export async function getPaper(opts: { db: Db; key: { arxivId: string } | { id: number } }): Promise<TPaper | null> {
  const row = await opts.db.paper.findFirst({
    where: { hidden: false, ...("id" in opts.key ? { id: opts.key.id, arxivId: null } : { arxivId: opts.key.arxivId }) },
    select: pageSelect,
  });
  return row ? rowToPaper(row) : null;
}

export async function countPapers(opts: { db: Db }): Promise<number> {
  return opts.db.paper.count();
}
