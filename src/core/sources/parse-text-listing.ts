// Reads a trending-papers page that someone copied as plain text: title lines followed by abstract paragraphs.
import { findArxivIds } from "@/core/text/arxiv-id";
import { findGithubUrl } from "@/core/text/github-url";
import { normalizeWhitespace } from "@/core/text/normalize-whitespace";
import { utcDay } from "./dates";
import type { TParseContext, TParseResult } from "./normalized-paper";
import { ResultBuilder, fatalResult, safely } from "./parse-result";
import { authorLineNames, isNavigationLine, isTitleLine, looksStronglyLikeTitle, parseCountLine, parseDateLine, words } from "./text-listing-lines";

type TLine = { text: string; block: number; date?: string; count?: number; chrome: boolean };
type TFound = { title: number; authors: string[]; abstractFrom: number; abstractTo: number; day: string };

const MIN_ABSTRACT_WORDS = 15;
const NOT_UPVOTES = /^(?:github|stars?|code|comments?|forks?|citations?)$/i;

function toLines(body: string, now: Date): TLine[] {
  const lines: TLine[] = [];
  let block = 0;
  let previousBlank = true;
  for (const raw of body.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const text = normalizeWhitespace(raw);
    if (text.length === 0) {
      if (!previousBlank) block += 1;
      previousBlank = true;
      continue;
    }
    previousBlank = false;
    const date = parseDateLine(text, now);
    const count = date === undefined ? parseCountLine(text) : undefined;
    lines.push({ text, block, date, count, chrome: date !== undefined || count !== undefined || isNavigationLine(text) });
  }
  return lines;
}

/** The lines plus two precomputed tables, so that scanning for papers stays linear in the text's length. */
type TDoc = {
  lines: TLine[];
  /** runEnd[k]: end (exclusive) of the run of non-chrome lines in k's block starting at k. */
  runEnd: number[];
  /** wordsBefore[k]: number of words on lines 0..k-1. */
  wordsBefore: number[];
};

function toDoc(lines: TLine[]): TDoc {
  const runEnd = new Array<number>(lines.length);
  for (let k = lines.length - 1; k >= 0; k -= 1) {
    const line = lines[k];
    const next = lines[k + 1];
    runEnd[k] = line?.chrome ? k : next && !next.chrome && next.block === line?.block ? (runEnd[k + 1] ?? k + 1) : k + 1;
  }
  const wordsBefore = [0];
  lines.forEach((line, k) => wordsBefore.push((wordsBefore[k] ?? 0) + words(line.text).length));
  return { lines, runEnd, wordsBefore };
}

function wordCount(doc: TDoc, from: number, to: number): number {
  return to <= from ? 0 : (doc.wordsBefore[to] ?? 0) - (doc.wordsBefore[from] ?? 0);
}

function runEndAt(doc: TDoc, k: number): number {
  return doc.runEnd[k] ?? k;
}

/** Line `k` opens the next paper even without a blank line: a finished sentence, then a headline with its own abstract. */
function opensNextPaper(doc: TDoc, k: number): boolean {
  const previous = doc.lines[k - 1]?.text ?? "";
  const line = doc.lines[k];
  if (line === undefined || !/[.!?)\]]$/.test(previous) || !looksStronglyLikeTitle(line.text)) return false;
  return doc.lines[k + 1]?.block === line.block && wordCount(doc, k + 1, runEndAt(doc, k + 1)) >= MIN_ABSTRACT_WORDS;
}

/** End (exclusive) of an abstract starting at `from`: the rest of its block, up to chrome or the next paper. */
function abstractEnd(doc: TDoc, from: number): number {
  const end = runEndAt(doc, from);
  for (let k = from + 1; k < end; k += 1) if (opensNextPaper(doc, k)) return k;
  return end;
}

/** A paper starting at title line `i`: optional author line, then an abstract of at least 15 words. */
function readPaperAt(doc: TDoc, i: number, day: string): TFound | undefined {
  const { lines } = doc;
  const title = lines[i];
  if (title === undefined || title.chrome || !isTitleLine(title.text)) return undefined;
  let j = i + 1;
  const authorLine = lines[j];
  const authors = authorLine && !authorLine.chrome ? authorLineNames(authorLine.text) : undefined;
  if (authors) j += 1;
  const first = lines[j];
  if (first === undefined || first.chrome || first.block > title.block + 1 + (authors ? 1 : 0)) return undefined;
  // "Nav line" + "Title / abstract" must not become a paper titled by the nav line.
  const startsNewBlock = first.block !== lines[j - 1]?.block;
  if (
    looksStronglyLikeTitle(first.text) &&
    wordCount(doc, j + 1, runEndAt(doc, j + 1)) >= MIN_ABSTRACT_WORDS &&
    (startsNewBlock || !looksStronglyLikeTitle(title.text))
  ) {
    return undefined;
  }
  const end = abstractEnd(doc, j);
  if (wordCount(doc, j, end) < MIN_ABSTRACT_WORDS) return undefined;
  return { title: i, authors: authors ?? [], abstractFrom: j, abstractTo: end, day };
}

function findPapers(doc: TDoc, defaultDay: string): TFound[] {
  const found: TFound[] = [];
  let day = defaultDay;
  for (let i = 0; i < doc.lines.length;) {
    const line = doc.lines[i];
    if (line?.date !== undefined) day = line.date;
    const paper = readPaperAt(doc, i, day);
    if (paper) {
      found.push(paper);
      i = paper.abstractTo;
    } else {
      i += 1;
    }
  }
  return found;
}

function isUpvoteCount(lines: TLine[], k: number): boolean {
  return lines[k]?.count !== undefined && !NOT_UPVOTES.test(lines[k - 1]?.text ?? "");
}

/**
 * Lone numbers are upvote counts only when the page's layout is unambiguous: an "Upvote" label, or
 * every paper consistently having one number just above its title or one number after its abstract.
 */
function assignUpvotes(lines: TLine[], papers: TFound[]): (number | undefined)[] {
  const tails = papers.map((p, n) => {
    const next = papers[n + 1]?.title ?? lines.length;
    const ks: number[] = [];
    for (let k = p.abstractTo; k < next; k += 1) if (isUpvoteCount(lines, k)) ks.push(k);
    return ks;
  });
  const labelled = tails.map((ks) => ks.find((k) => /^upvotes?$/i.test(lines[k - 1]?.text ?? "")));
  const before = papers.map((p) => (isUpvoteCount(lines, p.title - 1) ? p.title - 1 : undefined));
  const after = tails.map((ks) => (ks.length === 1 ? ks[0] : undefined));
  const useBefore = before.filter((k) => k !== undefined).length > after.filter((k) => k !== undefined).length;
  return papers.map((_, n) => {
    const k = labelled[n] ?? (useBefore ? before[n] : after[n]);
    return k === undefined ? undefined : lines[k]?.count;
  });
}

function looksLikeOtherFormat(body: string): string | undefined {
  const head = body.trimStart().slice(0, 512);
  if (/^<(?:!doctype|\?xml|html|rss|feed|rdf:RDF)\b/i.test(head)) return "this is markup (HTML/XML), not a plain-text listing";
  if (/^[[{]/.test(head)) {
    try {
      JSON.parse(body);
      return "this is JSON, not a plain-text listing";
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function parseTextListing(body: string, ctx: TParseContext): TParseResult {
  return safely("text", body, ctx, (text) => {
    const wrongType = looksLikeOtherFormat(text);
    if (wrongType !== undefined) return fatalResult("text", wrongType);

    const lines = toLines(text, ctx.now);
    const papers = findPapers(toDoc(lines), utcDay(ctx.now));
    const upvotes = assignUpvotes(lines, papers);
    const result = new ResultBuilder("text");
    papers.forEach((p, index) => {
      const next = papers[index + 1]?.title ?? lines.length;
      const own = lines
        .slice(p.title, next)
        .map((l) => l.text)
        .join("\n");
      const abstract = lines
        .slice(p.abstractFrom, p.abstractTo)
        .map((l) => l.text)
        .join(" ");
      result.item({ index }, () => {
        const id = findArxivIds(own)[0];
        return {
          arxivId: id?.id ?? null,
          version: id?.version,
          title: lines[p.title]?.text ?? "",
          abstract: normalizeWhitespace(abstract),
          authors: p.authors,
          listedOn: p.day,
          upvotes: upvotes[index],
          githubUrl: findGithubUrl(own) ?? undefined,
        };
      });
    });
    return result.done();
  });
}
