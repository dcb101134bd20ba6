// Reads a listing that someone copied as plain text (Hugging Face trending or daily page, arXiv listing) and pasted.
//
// Every entry-shaped block of the paste becomes a paper or an item error; nothing is dropped without a trace.
// Entry-shaped means one of:
//   - prose: a run of text lines (no blank line, no chrome inside) that reads like a sentence — a line ending in
//     ".", "!", "?" or "…" (two words or more in all), or a dozen words with a line of eight or more — whether
//     under a title (a paper) or not (an error that quotes its first words: `no title line above "We present …"`);
//   - a title-like line (1–40 words, not ending in ".", ",", ";" or ":") framed by card chrome: after an unclaimed
//     "Submitted by <user>" or arXiv id line, or followed by "Upvote", "· 8 authors", "Published on …", "GitHub",
//     "arXiv Page" (a paper, with an empty abstract if no prose is under it);
//   - an arXiv field "Title: …" (always a paper), and a card opener ("Submitted by", "[1] arXiv:… [pdf, …]") that
//     no title follows (an error);
//   - an arXiv byline (a line of names right above "Comments:"/"Subjects:") with no "Title:" above it: the paste
//     starts at the byline or lost the line, so it is an error quoting the byline and its abstract, never a paper
//     titled with the names.
// A paste with text but no entry at all is refused (fatal) rather than passed off as an empty listing.
// Everything else is page chrome and is ignored: navigation and calls to action, date headings, lone counts,
// and title-like lines with neither prose under them nor a card around them (headings such as "Trending Papers",
// a column of menu links). Entries may abut without blank lines: a finished sentence, then a headline-cased line
// with prose under it, starts the next one.
import { countOf } from "@/core/text/count-of";
import { entryAnnounceType, idLineMarks, sectionOf, type TListingSection } from "./arxiv-announce-type";
import { categoriesOf, subjectsOf } from "./arxiv-list-entry";
import { findArxivIds } from "@/core/text/arxiv-id";
import { findGithubUrl } from "@/core/text/github-url";
import { stripShownMarkup } from "@/core/text/strip-markup";
import { utcDay } from "./dates";
import type { TParseContext, TParseResult } from "./normalized-paper";
import { ResultBuilder, fatalResult, safely } from "./parse-result";
import { findItems, isArxivIdLine, toLines, type TLine, type TTextItem, type TTextPaper } from "./text-listing-entries";

const NOT_UPVOTES = /^(?:github|stars?|code|comments?|forks?|citations?)$/i;
const UPVOTE_LABEL = /^upvote[sd]?$/i;

function isUpvoteCount(lines: TLine[], k: number): boolean {
  return lines[k]?.kind === "count" && !NOT_UPVOTES.test(lines[k - 1]?.text ?? "");
}

/** Line range each item owns: from its own first line to the next item's, so a card's chrome stays with its paper. */
function spanEnds(items: TTextItem[], lineCount: number): number[] {
  return items.map((_, n) => items[n + 1]?.from ?? lineCount);
}

/**
 * The count after "Upvote" is the paper's upvotes (the number after "GitHub" is its stars). Lone numbers
 * count only when the layout is unambiguous: every paper with one number just above its title (preferred), or one after its text.
 */
function assignUpvotes(lines: TLine[], papers: { paper: TTextPaper; end: number }[]): (number | undefined)[] {
  const tails = papers.map(({ paper, end }) => {
    const ks: number[] = [];
    for (let k = paper.contentEnd; k < end; k += 1) if (isUpvoteCount(lines, k)) ks.push(k);
    return ks;
  });
  const labelled = papers.map(({ paper, end }) => {
    for (let k = paper.from + 1; k < end; k += 1) if (lines[k]?.kind === "count" && UPVOTE_LABEL.test(lines[k - 1]?.text ?? "")) return k;
    return undefined;
  });
  const before = papers.map(({ paper }) => (isUpvoteCount(lines, paper.titleLine - 1) ? paper.titleLine - 1 : undefined));
  const after = tails.map((ks) => (ks.length === 1 ? ks[0] : undefined));
  // When as many papers have a number above the title as after their text, the one above is the upvote button (Hugging Face's Daily
  // Papers page) and the one after the comment count: taking the later one stored every pasted paper's comments as its upvotes.
  const aboveCount = before.filter((k) => k !== undefined).length;
  const useBefore = aboveCount > 0 && aboveCount >= after.filter((k) => k !== undefined).length;
  return papers.map((_, n) => {
    const k = labelled[n] ?? (useBefore ? before[n] : after[n]);
    return k === undefined ? undefined : lines[k]?.count;
  });
}

/** "Published on Aug 5, 2025" inside the card dates that paper; otherwise the date heading above it, or today. */
function listedOn(lines: TLine[], paper: TTextPaper, end: number): string {
  for (let k = paper.from; k < end; k += 1) {
    const line = lines[k];
    if (line?.kind === "published" && line.date !== undefined) return line.date;
  }
  return paper.day;
}

/** The arXiv listing section each line sits in: the last heading above it ("Cross submissions (showing 21 of 21 entries)", a /recent day). */
function sectionsByLine(lines: TLine[]): (TListingSection | undefined)[] {
  let section: TListingSection | undefined;
  return lines.map((line) => {
    // To the entry finder these headings are page chrome or date lines. The page's menu ("New submissions", …) sits above every entry.
    if (line.kind === "page" || line.kind === "date") section = sectionOf(line.text) ?? section;
    return section;
  });
}

/**
 * The listing's own category, which tells a replaced paper from a replaced cross-list: arXiv heads the page with its name ("Materials
 * Science"), which the entries' Subjects lines pair with its id ("Materials Science (cond-mat.mtrl-sci)"). A copy without that heading
 * (a section alone) falls back to the one category every entry lists, as every entry of a listing lists its own (14 of a Replacements
 * section's 35 were stored as plain replacements). An archive's page ("Computer Science") names none and its entries share none, and
 * every replacement then counts as the listing's own, as it does when the HTML parser knows no category.
 */
function listingCategoryOf(lines: TLine[]): string | undefined {
  const subjects = lines.flatMap((line) => (line.label === "subjects" ? [subjectsOf(line.value)] : []));
  const ids = new Map(subjects.flat().map((s) => [s.name, s.category] as const));
  const firstEntry = lines.findIndex(isArxivIdLine);
  const named = lines
    .slice(0, Math.max(firstEntry, 0))
    .map((line) => ids.get(line.text))
    .find((id) => id !== undefined);
  if (named !== undefined || subjects.length === 0) return named;
  const shared = subjects.map((list) => new Set(list.map((s) => s.category))).reduce((common, next) => new Set([...common].filter((c) => next.has(c))));
  return shared.size === 1 ? [...shared][0] : undefined;
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

/** An entry's lines [item.from, end) but its title and abstract: where a card writes its own links and ids. */
function linesOutsideProse(lines: TLine[], item: TTextPaper, end: number): string {
  const [bodyFrom, bodyTo] = item.body ?? [item.titleLine, item.titleLine];
  return lines
    .slice(item.from, end)
    .filter((_, k) => item.from + k !== item.titleLine && (item.from + k < bodyFrom || item.from + k >= bodyTo))
    .map((l) => l.text)
    .join("\n");
}

function text(lines: TLine[], from: number, to: number, separator: string): string {
  return lines
    .slice(from, to)
    .map((l) => l.text)
    .join(separator);
}

export function parseTextListing(body: string, ctx: TParseContext): TParseResult {
  return safely("text", body, ctx, (input) => {
    const wrongType = looksLikeOtherFormat(input);
    if (wrongType !== undefined) return fatalResult("text", wrongType);

    const lines = toLines(input, ctx.now);
    const items = findItems(lines, utcDay(ctx.now));
    // Nobody pastes an empty listing: text with no entry at all is a page we cannot read, not a quiet day.
    if (items.length === 0 && lines.length > 0) {
      return fatalResult("text", `no paper entries found in the pasted text (${countOf(lines.length, "line")}, all page chrome or headings)`);
    }
    const ends = spanEnds(items, lines.length);
    const papers = items.flatMap((item, n) => (item.kind === "paper" ? [{ paper: item, end: ends[n] ?? lines.length }] : []));
    const upvotes = assignUpvotes(lines, papers);
    const sections = sectionsByLine(lines);
    const listingCategory = listingCategoryOf(lines);
    const result = new ResultBuilder("text");
    let paperOrdinal = 0;
    items.forEach((item, index) => {
      if (item.kind === "problem") {
        result.fail({ index }, item.message);
        return;
      }
      const end = ends[index] ?? lines.length;
      const votes = upvotes[paperOrdinal];
      paperOrdinal += 1;
      result.item({ index }, () => {
        const own = text(lines, item.from, end, "\n");
        // Only an entry under arXiv's own id line has an id line's marks, section day and announce type: a Hugging Face card has none.
        const idLine = isArxivIdLine(lines[item.from]) ? lines[item.from] : undefined;
        // An entry's own id is on a line of its own (arXiv's id line, a card's link line): one its title, comments or abstract write is
        // another paper's ("Comment on arXiv:2503.08841"), and taking it, for an entry whose id line the paste cut off or a card that
        // shows none, merged the entry into that paper.
        const idText = idLine ? idLine.text : lines[item.titleLine]?.kind === "label" ? "" : linesOutsideProse(lines, item, end);
        const id = findArxivIds(idText)[0];
        const categories = categoriesOf(item.subjects);
        return {
          arxivId: id?.id ?? null,
          version: id?.version,
          title: item.title,
          // arXiv's listing pages show an abstract's markup as text (`Bi<sub>2</sub>O`, `&ndash;`), and so does a copy of them.
          abstract: item.body ? stripShownMarkup(text(lines, item.body[0], item.body[1], " ")) : "",
          authors: item.authors,
          // A section heading that names its day ("New submissions for Tue, 30 Jan 24") dates its entries, as it does on the page.
          listedOn: (idLine ? sections[item.from]?.day : undefined) ?? listedOn(lines, item, end),
          upvotes: votes,
          githubUrl: findGithubUrl(own) ?? undefined,
          categories: categories.length > 0 ? categories : undefined,
          primaryCategory: categories[0],
          comments: item.comments === undefined || item.comments.length === 0 ? undefined : item.comments,
          announceType: idLine ? entryAnnounceType(sections[item.from], idLineMarks(idLine.text), categories[0], listingCategory) : undefined,
        };
      });
    });
    return result.done();
  });
}
