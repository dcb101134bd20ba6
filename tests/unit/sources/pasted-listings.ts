// fast-check arbitraries for pasted listings with a known answer: the text a browser copy gives, and the papers in it.
import fc from "fast-check";

/** One entry as written, and what the parser must make of it: a paper, or an item error when its title is missing. */
type TPastedEntry = {
  title: string | undefined;
  abstract: string;
  authors: string[];
  upvotes?: number;
  listedOn?: string;
};

export type TPastedListing = { format: string; text: string; entries: TPastedEntry[] };

const CAPITALISED = [
  "Scaling",
  "Sparse",
  "Agents",
  "Vision",
  "Reasoning",
  "Diffusion",
  "Language",
  "Transformers",
  "Robust",
  "Memory",
  "Retrieval",
  "Planning",
];
const MODEL_TOKENS = ["DINOv3", "Qwen3", "K2", "GPT-4o", "3D", "R1", "PP-StructureV3", "LLMs"];
const SMALL = ["for", "with", "of", "and", "in", "&"];
// Lower-case words of four letters or more: wrapped abstract lines then never look like headlines.
const LOWER = [
  "model",
  "learns",
  "dense",
  "features",
  "without",
  "labels",
  "training",
  "agents",
  "scales",
  "with",
  "data",
  "compute",
  "beats",
  "prior",
  "methods",
  "across",
  "tasks",
];
const FIRST = ["Ada", "Alan", "Grace", "Jane", "Ravi", "Maria"];
const LAST = ["Lovelace", "Turing", "Hopper", "Doe", "Kumar", "Garcia"];
const USERS = ["taesiri", "akhaliq", "AdinaY", "AK", "nielsr"];
const DAYS = ["Aug 5, 2025", "Jul 28, 2025", "Jan 2, 2026"];
const ISO_DAYS: Record<string, string> = { "Aug 5, 2025": "2025-08-05", "Jul 28, 2025": "2025-07-28", "Jan 2, 2026": "2026-01-02" };

const titleArb = fc
  .tuple(
    fc.constantFrom(...CAPITALISED, ...MODEL_TOKENS.filter((t) => /^\p{L}/u.test(t))),
    fc.array(fc.constantFrom(...CAPITALISED, ...MODEL_TOKENS, ...SMALL, "3.0"), { maxLength: 8 }),
    fc.option(fc.array(fc.constantFrom(...CAPITALISED), { minLength: 1, maxLength: 5 }), { nil: undefined }),
  )
  .map(([first, rest, subtitle]) => {
    // A title ends on a name or a noun, never on "of", "&" or "with".
    const head = [first, ...rest].join(" ").replace(/(?: (?:for|with|of|and|in|&))+$/, "");
    return subtitle ? `${head}: ${subtitle.join(" ")}` : head;
  });

const sentenceArb = fc
  .tuple(fc.constantFrom(...CAPITALISED), fc.array(fc.constantFrom(...LOWER), { minLength: 1, maxLength: 20 }))
  .map(([first, rest]) => `${first} ${rest.join(" ")}.`);
const abstractArb = fc.array(sentenceArb, { minLength: 1, maxLength: 3 }).map((s) => s.join(" "));
const authorsArb = fc.array(
  fc.tuple(fc.constantFrom(...FIRST), fc.constantFrom(...LAST)).map(([f, l]) => `${f} ${l}`),
  { minLength: 2, maxLength: 4 },
);

/** An abstract as lines: whole, or wrapped every `width` words (never fewer than eight, as a browser wraps prose). */
function wrap(text: string, width: number | undefined): string[] {
  if (width === undefined) return [text];
  const words = text.split(" ");
  const lines: string[] = [];
  for (let i = 0; i < words.length; i += width) lines.push(words.slice(i, i + width).join(" "));
  return lines;
}

const entryArb = fc.record({
  title: titleArb,
  abstract: abstractArb,
  authors: fc.option(authorsArb, { nil: undefined }),
  upvotes: fc.nat({ max: 5000 }),
  stars: fc.option(fc.constantFrom("6.83k", "1.2k", "58.4k", "912"), { nil: undefined }),
  published: fc.option(fc.constantFrom(...DAYS), { nil: undefined }),
  user: fc.option(fc.constantFrom(...USERS), { nil: undefined }),
  summary: fc.boolean(),
  lostTitle: fc.boolean(),
  wrapWidth: fc.option(fc.integer({ min: 8, max: 14 }), { nil: undefined }),
  blankUnderTitle: fc.boolean(),
  labelledByline: fc.boolean(),
});
type TEntrySpec = typeof entryArb extends fc.Arbitrary<infer T> ? T : never;

const votes = (n: number): string => n.toLocaleString("en-US");

/** Plain title / authors / abstract entries separated by blank lines; a lost title leaves prose without one. */
function plainBlank(specs: TEntrySpec[]): TPastedListing {
  const parts = specs.map((s) => {
    const abstract = wrap(s.abstract, s.wrapWidth).join("\n");
    const head = [s.lostTitle ? undefined : s.title, s.lostTitle ? undefined : s.authors?.join(", ")].filter((l) => l !== undefined);
    return head.length === 0 ? abstract : `${head.join("\n")}\n${s.blankUnderTitle ? "\n" : ""}${abstract}`;
  });
  const entries = specs.map((s) => ({ title: s.lostTitle ? undefined : s.title, abstract: s.abstract, authors: s.lostTitle ? [] : (s.authors ?? []) }));
  return { format: "plain, blank lines between entries", text: `Trending Papers\n\n${parts.join("\n\n")}\n`, entries };
}

/** Plain entries with no blank line anywhere: only the shape of the lines tells where one ends. */
function plainAbutting(specs: TEntrySpec[]): TPastedListing {
  const text = specs.map((s) => [s.title, ...(s.authors ? [s.authors.join(", ")] : []), ...wrap(s.abstract, s.wrapWidth)].join("\n")).join("\n");
  return { format: "plain, abutting", text, entries: specs.map((s) => ({ title: s.title, abstract: s.abstract, authors: s.authors ?? [] })) };
}

/** Hugging Face cards as a select-all copy gives them; a card may lack its submitter, its summary or (lost) its title. */
function hfCards(specs: TEntrySpec[]): TPastedListing {
  const cards = specs.map((s) => {
    const lines = [
      ...(s.user ? ["Submitted by", s.user] : []),
      ...(s.lostTitle ? [] : [s.title]),
      ...(s.summary || s.lostTitle ? [s.abstract] : []),
      " · ",
      `${s.authors?.length ?? 1} authors`,
      ...(s.published ? [`Published on ${s.published}`] : []),
      "Upvote",
      votes(s.upvotes),
      ...(s.stars ? ["GitHub", s.stars] : []),
      "arXiv Page",
    ];
    return lines.join("\n");
  });
  const entries = specs.map((s) => ({
    title: s.lostTitle ? undefined : s.title,
    abstract: s.summary ? s.abstract : "",
    authors: [],
    upvotes: s.upvotes,
    listedOn: s.published ? ISO_DAYS[s.published] : undefined,
  }));
  const text = `Trending Papers\nby AK and the research community\n\nGet trending papers in your email inbox!\nSubscribe\n\nTrending Papers\n${cards.join("\n")}\nSystem theme\nTOS\nPrivacy\n`;
  return { format: "Hugging Face cards", text, entries };
}

/**
 * arXiv listing entries: id line, fields, abstract (absent on /recent); the names under "Authors:" (arXiv's older pages) or, as today's
 * pages print them, on an unlabelled byline. A lost title drops the Title: line, leaving the byline at the top of the entry.
 */
function arxivListing(specs: TEntrySpec[]): TPastedListing {
  const text = specs
    .map((s, i) =>
      [
        `[${i + 1}] arXiv:2607.${String(20000 + i)} [pdf, html, other]`,
        ...(s.lostTitle ? [] : [`Title: ${s.title}`]),
        `${s.labelledByline ? "Authors: " : ""}${(s.authors ?? ["Ada Lovelace"]).join(", ")}`,
        "Subjects: Computation and Language (cs.CL)",
        ...(s.summary ? wrap(s.abstract, s.wrapWidth) : []),
      ].join("\n"),
    )
    .join("\n");
  const entries = specs.map((s) => ({
    title: s.lostTitle ? undefined : s.title,
    abstract: s.summary ? s.abstract : "",
    authors: s.lostTitle ? [] : (s.authors ?? ["Ada Lovelace"]),
    listedOn: "2026-07-28",
  }));
  return { format: "arXiv listing", text: `Showing new listings for Tuesday, 28 July 2026\n${text}\n`, entries };
}

export const pastedListing: fc.Arbitrary<TPastedListing> = fc
  .tuple(fc.constantFrom(plainBlank, plainAbutting, hfCards, arxivListing), fc.array(entryArb, { minLength: 1, maxLength: 6 }))
  .map(([format, specs]) => format(specs));
