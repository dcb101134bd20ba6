// Property: every parser accounts for every entry-shaped block of its input, as a paper or an item error, never silently.
//
// What an entry-shaped block is, per source (counted here independently of the parsers):
//   hf-daily    each element of the listing array (the top-level array, or the array under papers/dailyPapers/items/results);
//   hf-page     each element of the DailyPapers component's dailyPapers array;
//   arxiv-list  each <dt>, and each <dd> that does not directly follow a <dt>;
//   arxiv-rss   each <item> (RSS 2.0, RDF) or <entry> (Atom) element, at any depth;
//   arxiv-api   each <entry> element, at any depth;
//   text        prose (a run of lines, no blank line inside, with a line that ends a sentence, or a dozen words with a
//               line of eight), a title line framed by card chrome (Submitted by, Upvote, · N authors, Published on,
//               arXiv Page), an arXiv "Title:" field, a card opener (Submitted by, "[1] arXiv:… [pdf]"), and an arXiv
//               byline with no "Title:" above it. Headings, menus, navigation, date lines and lone counts are page chrome. See parse-text-listing.ts. Pasted text
//               has no markup to count with, so the text properties are: a generated paste of known entries gives
//               exactly those papers (or an error per entry whose title line is missing), and in a damaged paste every
//               sentence a reader would see lands in a paper or in an error that quotes its paragraph.
// A fatal result also accounts for everything: the whole document is refused with a reason.
import { load, type CheerioAPI } from "cheerio/slim";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PARSERS, type TParseResult, type TSourceId } from "@/core/sources";
import { utcDay } from "@/core/sources/dates";
import { chromeKind, labelOf } from "@/core/sources/text-listing-lines";
import { normalizeWhitespace } from "@/core/text/normalize-whitespace";
import { NOW, ctx } from "./fixtures";
import { BASES, apply, mutation } from "./fuzz-inputs";
import { pastedListing } from "./pasted-listings";

type TNode = { type?: string; name?: string; children?: TNode[]; attribs?: Record<string, string> };

function elements(root: TNode): TNode[] {
  const out: TNode[] = [];
  const visit = (node: TNode): void => {
    for (const child of node.children ?? []) {
      if (child.type === "tag" || child.type === "script" || child.type === "style") out.push(child);
      visit(child);
    }
  };
  visit(root);
  return out;
}

const localName = (el: TNode): string => (el.name ?? "").replace(/^.*:/, "").toLowerCase();

function xmlRoot($: CheerioAPI): TNode | undefined {
  return ($.root()[0] as TNode | undefined)?.children?.find((n) => n.type === "tag");
}

function listingArray(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data;
  if (typeof data !== "object" || data === null) return undefined;
  const record = data as Record<string, unknown>;
  return ["papers", "dailyPapers", "items", "results"].map((k) => record[k]).find(Array.isArray);
}

/** Entry-shaped blocks of a structured document, or undefined when it has no listing at all (the parser must then be fatal). */
const BLOCKS: Record<Exclude<TSourceId, "text">, (body: string) => number | undefined> = {
  "hf-daily": (body) => {
    try {
      return listingArray(JSON.parse(body.replace(/^\uFEFF/, "")))?.length;
    } catch {
      return undefined;
    }
  },
  "hf-page": (body) => {
    const $ = load(body);
    for (const el of $("[data-props]").toArray()) {
      try {
        const props = JSON.parse($(el).attr("data-props") ?? "") as Record<string, unknown>;
        if (Array.isArray(props.dailyPapers)) return props.dailyPapers.length;
      } catch {
        continue;
      }
    }
    return undefined;
  },
  "arxiv-list": (body) => {
    const sequence = elements(load(body).root()[0] as TNode).filter((el) => el.name === "dt" || el.name === "dd");
    return sequence.filter((el, i) => el.name === "dt" || sequence[i - 1]?.name !== "dt").length;
  },
  "arxiv-rss": (body) => {
    const root = xmlRoot(load(body.replace(/^\uFEFF/, ""), { xml: true }));
    if (root === undefined) return undefined;
    const wanted = localName(root) === "feed" ? "entry" : "item";
    return elements(root).filter((el) => localName(el) === wanted).length;
  },
  "arxiv-api": (body) => {
    const root = xmlRoot(load(body.replace(/^\uFEFF/, ""), { xml: true }));
    return root === undefined ? undefined : elements(root).filter((el) => localName(el) === "entry").length;
  },
};

function expectAccounted(result: TParseResult, blocks: number | undefined): void {
  if (result.fatal !== undefined) return;
  // A parser may read more than the strict reading here finds (hf-page scans data-props even inside a broken comment),
  // but a document without a readable listing must never pass for an empty one.
  if (blocks === undefined) expect(result.papers.length + result.errors.length, "an empty listing from a document with none").toBeGreaterThan(0);
  else expect(result.papers.length + result.errors.length).toBe(blocks);
}

describe("sources: every entry-shaped block is a paper or an item error", () => {
  for (const [source, count] of Object.entries(BLOCKS) as [Exclude<TSourceId, "text">, (body: string) => number | undefined][]) {
    it(`${source}: the captures, whole and damaged`, () => {
      const parse = PARSERS[source];
      for (const base of BASES[source]) {
        const result = parse(base, ctx);
        expect(result.fatal).toBeUndefined();
        expect(result.errors).toEqual([]);
        expect(result.papers.length).toBe(count(base));
      }
      fc.assert(
        fc.property(fc.nat({ max: BASES[source].length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, mutations) => {
          const body = mutations.reduce(apply, BASES[source][which] ?? "");
          expectAccounted(parse(body, ctx), count(body));
        }),
        { numRuns: 200 },
      );
    }, 60_000);
  }

  it("text: a generated paste gives each entry as a paper, or an item error where its title line is missing", () => {
    fc.assert(
      fc.property(pastedListing, ({ text, entries }) => {
        const result = PARSERS.text(text, ctx);
        const titled = entries.filter((e) => e.title !== undefined);
        expect(result.fatal).toBeUndefined();
        expect(result.papers.map((p) => ({ title: p.title, abstract: p.abstract, authors: p.authors }))).toEqual(
          titled.map((e) => ({ title: e.title, abstract: e.abstract, authors: e.authors })),
        );
        expect(result.errors).toHaveLength(entries.length - titled.length);
        expect(result.papers.map((p) => p.listedOn)).toEqual(titled.map((e) => e.listedOn ?? utcDay(NOW)));
        if (titled.some((e) => e.upvotes !== undefined)) expect(result.papers.map((p) => p.upvotes)).toEqual(titled.map((e) => e.upvotes));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it("text: in a damaged paste, every sentence ends up in a paper or in an error quoting its paragraph", () => {
    fc.assert(
      fc.property(fc.nat({ max: BASES.text.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (which, mutations) => {
        const body = mutations.reduce(apply, BASES.text[which] ?? "");
        // No early return on a fatal result: "no entries found" is only honest when no sentence was there.
        const result = PARSERS.text(body, ctx);
        const papers = result.papers.map((p) => `${p.title} ${p.abstract}`);
        // An error may quote two blocks of one entry (an arXiv entry's byline, then "; its abstract starts" and the abstract): each counts.
        const quoted = result.errors.flatMap((e) =>
          [/"(.+?)(?: …)?"$/.exec(e.message), ...e.message.matchAll(/"(.+?)(?: …)?"(?=;|$)/g)].flatMap((m) => (m?.[1] ? [m[1]] : [])),
        );
        for (const paragraph of paragraphs(body)) {
          paragraph.forEach((line, i) => {
            if (!isSentence(line)) return;
            const inPaper = papers.some((p) => p.includes(line));
            const inError = quoted.some((q) => paragraph.slice(0, i + 1).some((_, j) => paragraph.slice(j).join(" ").startsWith(q)));
            expect(inPaper || inError, `sentence ${JSON.stringify(line)} is in no paper and no error`).toBe(true);
          });
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

/** The paste's paragraphs: runs of lines with no blank line (one that is empty once whitespace is normalised) inside. */
function paragraphs(body: string): string[][] {
  const out: string[][] = [[]];
  for (const raw of body.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    const line = normalizeWhitespace(raw);
    if (line.length > 0) out[out.length - 1]?.push(line);
    else if ((out.at(-1)?.length ?? 0) > 0) out.push([]);
  }
  return out;
}

/** A line a person would read as a sentence: three words or more, mostly lower-case, a final stop, not chrome or a field. */
function isSentence(line: string): boolean {
  const words = line.split(" ");
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  return words.length >= 3 && lower * 2 >= words.length && /[.!?]$/.test(line) && chromeKind(line) === undefined && labelOf(line) === undefined;
}
