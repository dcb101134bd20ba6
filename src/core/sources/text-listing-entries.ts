// Splits a listing copied as plain text into entries, so that every entry-shaped block becomes a paper or a reported problem.
import { normalizeWhitespace } from "@/core/text/normalize-whitespace";
import { quoteStart } from "./parse-result";
import {
  authorLineNames,
  bylineNames,
  chromeKind,
  endsSentence,
  isArxivListingIdLine,
  isTitleLine,
  labelOf,
  listingBylineNames,
  looksLikeUserName,
  looksStronglyLikeTitle,
  parseCountLine,
  parseDateLine,
  readsLikeProse,
  wordCount,
  type TLabel,
  type TLineKind,
} from "./text-listing-lines";

export type TLine = { text: string; block: number; kind: TLineKind; words: number; date?: string; count?: number; label?: TLabel; value?: string };

/** Whether a line is arXiv's own id line opening an entry (what an entry's id, section and announce type are read from). */
export const isArxivIdLine = (line: TLine | undefined): line is TLine => line?.kind === "opener" && isArxivListingIdLine(line.text);

/** A paper found in the text: line indices into the document's lines. */
export type TTextPaper = {
  kind: "paper";
  /** First line the entry owns: its card opener ("Submitted by", the arXiv id line) or its title. */
  from: number;
  titleLine: number;
  title: string;
  authors: string[];
  /** Abstract lines [from, to), if any. */
  body: [number, number] | undefined;
  /** End (exclusive) of the title and abstract; the chrome after it (upvotes, dates) is the entry's tail. */
  contentEnd: number;
  day: string;
  comments?: string;
  subjects?: string;
};

/** An entry-shaped block that cannot become a paper, reported with the words it starts with. */
type TTextProblem = { kind: "problem"; from: number; message: string };

export type TTextItem = TTextPaper | TTextProblem;

function classify(text: string, now: Date): Pick<TLine, "kind" | "date" | "count" | "label" | "value"> {
  const label = labelOf(text);
  if (label) return { kind: "label", ...label };
  const date = parseDateLine(text, now);
  if (date !== undefined) return { kind: "date", date };
  const published = /^published on\s+(.{1,60})$/i.exec(text);
  if (published?.[1]) return { kind: "published", date: parseDateLine(published[1], now) };
  const count = parseCountLine(text);
  if (count !== undefined) return { kind: "count", count };
  return { kind: chromeKind(text) ?? "text" };
}

export function toLines(body: string, now: Date): TLine[] {
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
    lines.push({ text, block, words: wordCount(text), ...classify(text, now) });
  }
  markSubmitters(lines);
  return lines;
}

/**
 * The line after a lone "Submitted by" is the submitter's user name. Hugging Face always prints it; if a paste
 * lacks it, the title is taken for the name and its summary is reported as prose without a title, which is
 * loud, where the opposite guess would store a paper titled with a user name.
 */
function markSubmitters(lines: TLine[]): void {
  lines.forEach((line, k) => {
    const next = lines[k + 1];
    if (line.kind === "opener" && /^submitted by:?$/i.test(line.text) && next?.kind === "text" && looksLikeUserName(next.text)) next.kind = "submitter";
  });
}

/** Line `k` opens the next paper without a blank line: a finished sentence above, a headline, then prose below. */
function opensNextPaper(lines: TLine[], k: number): boolean {
  const previous = lines[k - 1];
  const line = lines[k];
  if (previous === undefined || line === undefined || !endsSentence(previous.text) || !looksStronglyLikeTitle(line.text)) return false;
  const afterAuthors = lines[k + 1] && authorLineNames(lines[k + 1]?.text ?? "") ? k + 2 : k + 1;
  const next = lines[afterAuthors];
  if (next === undefined || next.kind !== "text" || next.block !== line.block) return false;
  return readsLikeProse(next.text, next.words) || (next.words >= 8 && !looksStronglyLikeTitle(next.text));
}

/** segmentEnd[k]: for a line that starts a run of text lines (one block, no chrome, no new paper inside), where the run ends. */
function segmentEnds(lines: TLine[]): Map<number, number> {
  const ends = new Map<number, number>();
  let start = -1;
  lines.forEach((line, k) => {
    const previous = lines[k - 1];
    const continues = line.kind === "text" && previous?.kind === "text" && previous.block === line.block && !opensNextPaper(lines, k);
    if (continues) return;
    if (start >= 0) ends.set(start, k);
    start = line.kind === "text" ? k : -1;
  });
  if (start >= 0) ends.set(start, lines.length);
  return ends;
}

function joined(lines: TLine[], from: number, to: number): string {
  return lines
    .slice(from, to)
    .map((l) => l.text)
    .join(" ");
}

/**
 * Lines [from, to) read as prose: one of them ends a sentence (two words or more in all), or a dozen words with
 * at least one long line, as wrapped prose has. A column of short lines without a stop is a menu, not prose.
 */
function proseIn(lines: TLine[], from: number, to: number): boolean {
  let words = 0;
  let sentence = false;
  let longLine = false;
  for (let k = from; k < to; k += 1) {
    const line = lines[k];
    if (line === undefined) continue;
    words += line.words;
    sentence ||= endsSentence(line.text);
    longLine ||= line.words >= 8;
  }
  return (sentence && words >= 2) || (longLine && words >= 12);
}

function quote(lines: TLine[], from: number, to: number): string {
  return quoteStart(joined(lines, from, Math.min(to, from + 3)));
}

type TPendingTitle = { line: number; authors: string[]; end: number; day: string; cardAfter: boolean };

/**
 * Walks the lines once. A text segment is a title with prose under it (a paper), prose alone (the abstract
 * of a title line just above it, or a problem), a lone title line (a paper if a card frames it or prose
 * follows after a blank line; otherwise a heading), or a group of title-like lines (a heading, unless a
 * card frames it). "Title:" fields always open a paper; card openers no entry claims are problems.
 */
export function findItems(lines: TLine[], defaultDay: string): TTextItem[] {
  const items: TTextItem[] = [];
  const ends = segmentEnds(lines);
  let day = defaultDay;
  /** The card opener above, until an entry claims it. */
  let opener: number | undefined;
  let pendingTitle: TPendingTitle | undefined;
  /** A "Title:" paper still waiting for its abstract. */
  let awaitingAbstract: TTextPaper | undefined;
  /** An arXiv entry reported for its missing title, whose byline (under an empty "Title:", at `bylineAt`) and abstract are still its own. */
  let untitled: { problem: TTextProblem; bylineAt?: number } | undefined;

  const claim = (fallback: number): number => {
    const from = opener ?? fallback;
    opener = undefined;
    return from;
  };
  const addPaper = (paper: Omit<TTextPaper, "kind" | "from">, fallbackFrom: number): TTextPaper => {
    const item: TTextPaper = { kind: "paper", from: claim(fallbackFrom), ...paper };
    items.push(item);
    return item;
  };
  const addProblem = (at: number, message: string): TTextProblem => {
    const item: TTextProblem = { kind: "problem", from: claim(at), message };
    items.push(item);
    return item;
  };
  /** A pending title line with no prose after it is a paper when a card frames it, else a heading. */
  const settleTitle = (): void => {
    const p = pendingTitle;
    pendingTitle = undefined;
    if (p === undefined || (!p.cardAfter && opener === undefined)) return;
    const title = lines[p.line]?.text ?? "";
    addPaper({ titleLine: p.line, title, authors: p.authors, body: undefined, contentEnd: p.end, day: p.day }, p.line);
  };
  const settleOpener = (): void => {
    if (opener === undefined) return;
    const cardEnd = lines[opener + 1]?.kind === "submitter" ? opener + 2 : opener + 1;
    addProblem(opener, `no title after ${quote(lines, opener, cardEnd)}`);
  };

  /**
   * A one-line segment right above an arXiv entry's fields ("Comments:", "Journal-ref:", "Subjects:") sits where arXiv prints the byline,
   * and when no "Title:" field is waiting for it, the entry lost its title (the paste starts at the byline, or the line was cut). Read as
   * a lone title, its names were stored as the title, or dropped as a heading when no abstract followed.
   */
  const isOrphanByline = (from: number, to: number): boolean => {
    const field = lines[to];
    return (
      to - from === 1 &&
      field?.kind === "label" &&
      field.label !== "title" &&
      field.label !== "authors" &&
      listingBylineNames(lines[from]?.text ?? "") !== undefined
    );
  };

  /** Whether line `at` is the one right under the "Title:" of an entry that arXiv's own id line opened: its byline, whatever its names look like. */
  const underArxivTitle = (paper: TTextPaper, at: number): boolean => {
    return at === paper.titleLine + 1 && isArxivIdLine(lines[paper.from]);
  };

  const takeSegment = (from: number, to: number): void => {
    const head = lines[from];
    if (head === undefined) return;
    const headIsTitle = isTitleLine(head.text);
    const strongHead = looksStronglyLikeTitle(head.text);
    const authors = headIsTitle && to - from >= 2 ? authorLineNames(lines[from + 1]?.text ?? "") : undefined;
    const bodyFrom = from + 1 + (authors ? 1 : 0);
    // A line that runs on into a lower-case line is a wrapped sentence, unless it reads as a headline short of
    // a browser's wrapped line (eight words): "Scaling with data and with compute over" is prose broken mid-way.
    const runsOn = (!strongHead || head.words >= 8) && /^\p{Ll}/u.test(lines[from + 1]?.text ?? "");
    const titled = headIsTitle && bodyFrom < to && !runsOn && (strongHead || head.words <= 12) && proseIn(lines, bodyFrom, to);
    // A lone line is a title unless it reads like a sentence and not like a headline ("Does scale help?" is prose).
    const loneTitle = headIsTitle && (to - from === 1 ? strongHead || !readsLikeProse(head.text, head.words) : authors !== undefined && to - from === 2);
    const prose = !titled && !loneTitle && proseIn(lines, from, to);

    if (untitled !== undefined) {
      const entry = untitled;
      untitled = undefined;
      if (from === entry.bylineAt && to - from === 1 && listingBylineNames(head.text) !== undefined) {
        untitled = { problem: entry.problem };
        return;
      }
      // The abstract is the entry's, so the error quotes it, as it would quote prose with no title above it.
      if (from !== entry.bylineAt && !(titled && strongHead)) {
        entry.problem.message += `; its abstract starts ${quote(lines, from, to)}`;
        return;
      }
    }
    if (awaitingAbstract !== undefined) {
      const paper = awaitingAbstract;
      awaitingAbstract = undefined;
      // Today's arXiv listings print the names under "Title:" with no label: that byline is the authors. Read as the abstract, it
      // overwrote the stored abstract of every paper in a pasted listing, and the "Subjects:" line after it was lost.
      const byline =
        paper.authors.length === 0
          ? ((underArxivTitle(paper, from) ? listingBylineNames(head.text) : undefined) ?? bylineNames(head.text, to - from === 1))
          : undefined;
      if (byline) {
        paper.authors = byline;
        paper.contentEnd = from + 1;
        if (to - from === 1) awaitingAbstract = paper;
        else {
          paper.body = [from + 1, to];
          paper.contentEnd = to;
        }
        return;
      }
      if (!(titled && strongHead)) {
        paper.body = [from, to];
        paper.contentEnd = to;
        return;
      }
    }
    if (awaitingAbstract === undefined && isOrphanByline(from, to)) {
      settleTitle();
      const byline = quote(lines, from, to);
      const problem = addProblem(
        from,
        opener === undefined
          ? `no "Title:" line above the byline ${byline}`
          : `no "Title:" line between ${quote(lines, opener, opener + 1)} and its byline ${byline}`,
      );
      untitled = { problem };
      return;
    }
    if (pendingTitle !== undefined) {
      const p = pendingTitle;
      if (p.end === from && lines[p.end - 1]?.block !== head.block && (prose || (titled && !strongHead))) {
        pendingTitle = undefined;
        addPaper({ titleLine: p.line, title: lines[p.line]?.text ?? "", authors: p.authors, body: [from, to], contentEnd: to, day: p.day }, p.line);
        return;
      }
      settleTitle();
    }
    if (titled) {
      addPaper({ titleLine: from, title: head.text, authors: authors ?? [], body: [bodyFrom, to], contentEnd: to, day }, from);
    } else if (prose) {
      addProblem(from, `no title line above ${quote(lines, from, to)}`);
    } else if (loneTitle) {
      pendingTitle = { line: from, authors: authors ?? [], end: to, day, cardAfter: false };
    } else if (headIsTitle && (opener !== undefined || lines[to]?.kind === "card" || lines[to]?.kind === "published")) {
      addPaper({ titleLine: from, title: head.text, authors: [], body: [from + 1, to], contentEnd: to, day }, from);
    }
  };

  for (let k = 0; k < lines.length; k += 1) {
    const line = lines[k];
    if (line === undefined) break;
    const segmentEnd = ends.get(k);
    if (segmentEnd !== undefined) {
      takeSegment(k, segmentEnd);
      k = segmentEnd - 1;
      continue;
    }
    switch (line.kind) {
      case "label":
        if (line.label === "title") {
          settleTitle();
          awaitingAbstract = undefined;
          untitled = undefined;
          const title = line.value ?? "";
          if (title.length === 0) untitled = { problem: addProblem(k, `no title after ${quote(lines, k, k + 1)}`), bylineAt: k + 1 };
          else awaitingAbstract = addPaper({ titleLine: k, title, authors: [], body: undefined, contentEnd: k + 1, day }, k);
        } else if (awaitingAbstract !== undefined || pendingTitle !== undefined) {
          const paper = awaitingAbstract ?? pendingTitle;
          if (line.label === "authors" && paper) paper.authors = authorLineNames(line.text) ?? [];
          if (awaitingAbstract && line.label === "comments") awaitingAbstract.comments = line.value;
          if (awaitingAbstract && line.label === "subjects") awaitingAbstract.subjects = line.value;
          if (pendingTitle) pendingTitle.end = k + 1;
          if (awaitingAbstract) awaitingAbstract.contentEnd = k + 1;
        }
        break;
      case "opener":
        settleTitle();
        awaitingAbstract = undefined;
        untitled = undefined;
        settleOpener();
        opener = k;
        break;
      case "card":
      case "published":
        if (pendingTitle !== undefined) {
          pendingTitle.cardAfter = true;
          settleTitle();
        }
        break;
      case "date":
        settleTitle();
        awaitingAbstract = undefined;
        untitled = undefined;
        day = line.date ?? day;
        break;
      case "page":
        settleTitle();
        break;
      case "count":
      case "submitter":
      case "text":
        break;
    }
  }
  settleTitle();
  settleOpener();
  return items;
}
