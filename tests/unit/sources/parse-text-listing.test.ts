// A trending page copied as plain text: papers found by shape, page chrome ignored.
import { describe, expect, it } from "vitest";
import type { TNormalizedPaper } from "@/core/sources/normalized-paper";
import { parseArxivList } from "@/core/sources/parse-arxiv-list";
import { parseTextListing } from "@/core/sources/parse-text-listing";
import { countBy, readFixture } from "./fixtures";
import { LEGACY_NEW_PAGE } from "./samples/arxiv-list-pages";
import { ARXIV_NEW_COPY, ARXIV_RECENT_BROWSER_COPY, HF_DAILY_COPY, HF_TRENDING_COPY, TRENDING_CARDS_TEXT, TRENDING_TEXT } from "./samples/trending-text";

const MARCH = { now: new Date("2025-03-14T09:00:00Z") };
const ABSTRACT =
  "We propose a simple recipe for training small language models that matches much larger ones on reasoning benchmarks while using a fraction of the compute.";

describe("text: a copied trending page", () => {
  const result = parseTextListing(TRENDING_TEXT, MARCH);

  it("finds exactly the three papers, none of the page chrome", () => {
    expect(result.fatal).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.papers.map((p) => p.title)).toEqual([
      "Sparse Mixture of Adapters for Efficient Multilingual Speech Recognition",
      "Long-Context Retrieval Heads Explain In-Context Learning Failures",
      "World Models as Planners: Scaling Latent Imagination for Robot Manipulation",
    ]);
  });

  it("joins wrapped abstract lines and turns the code link into an https URL", () => {
    const first = result.papers[0];
    expect(first?.abstract).toBe(
      "We present a sparse mixture of adapters that routes each utterance to a small set of language-specific adapters, cutting inference cost by 40% while matching dense baselines on 102 languages. Code: github.com/foo/bar.",
    );
    expect(first?.githubUrl).toBe("https://github.com/foo/bar");
    expect(result.papers[1]?.githubUrl).toBeUndefined();
  });

  it("dates papers by the date line, with the year from now", () => {
    expect(result.papers.map((p) => p.listedOn)).toEqual(["2025-03-12", "2025-03-12", "2025-03-12"]);
  });

  it("takes no arXiv id from an abstract, which names other papers as often as its own", () => {
    expect(result.papers.map((p) => p.arxivId)).toEqual([null, null, null]);
    expect(result.papers.every((p) => p.authors.length === 0)).toBe(true);
  });
});

describe("text: card-style copy with counts and links", () => {
  const result = parseTextListing(TRENDING_CARDS_TEXT, MARCH);

  it("reads two papers with their upvotes, not the star counts", () => {
    expect(result.papers.map((p) => [p.title, p.upvotes])).toEqual([
      ["Visual Instruction Tuning at Scale with Synthetic Dialogues", 94],
      ["Proof Search with Learned Value Functions for Olympiad Geometry", 41],
    ]);
  });

  it("reads code links from the abstract but no id, defaulting the day to now", () => {
    expect(result.papers[0]?.githubUrl).toBe("https://github.com/example-org/synth-dialogues");
    expect(result.papers[1]).toMatchObject({ arxivId: null, listedOn: "2025-03-14" });
  });

  it("takes a card's id from a line of its own, never one its title or abstract writes about another paper", () => {
    const card = (title: string, abstract: string, idLine: string) => `Submitted by\nakhaliq\n\n${title}\n${abstract}\n\n· 2 authors\nUpvote\n12\n${idLine}\n`;
    const result = parseTextListing(
      [
        card(
          "Comment on arXiv:2503.08841, a Claimed Scaling Law",
          "We show that the scaling law claimed in arXiv:2503.08841 does not hold once data are deduplicated.",
          "arXiv Page",
        ),
        card("Sparse Probing of Reasoning Circuits in Small Models", `${ABSTRACT} It extends arXiv:2401.00001.`, "arXiv:2411.04567v3"),
      ].join("\n"),
      MARCH,
    );
    expect(result.errors).toEqual([]);
    expect(result.papers.map((p) => [p.arxivId, p.version])).toEqual([
      [null, undefined],
      ["2411.04567", 3],
    ]);
  });
});

describe("text: layout variations", () => {
  it("accepts a blank line between title and abstract, and an author line", () => {
    const text = `Small Models Can Reason Too\nAda Lovelace, Alan Turing and Grace Hopper\n\n${ABSTRACT}\n`;
    const result = parseTextListing(text, MARCH);
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]?.authors).toEqual(["Ada Lovelace", "Alan Turing", "Grace Hopper"]);
    expect(result.papers[0]?.abstract).toBe(ABSTRACT);
  });

  it("a wrapped abstract line that happens to be capitalised like a headline stays abstract under the title above it", () => {
    // Found by the generated-paste property in CI: the abstract's first line, wrapped after "Scaling", has three
    // capitalised words out of five long ones, and was taken for a title while the real title became a heading.
    const midStop = "Trending Papers\n\nScaling\n\nScaling without without with model. Scaling model. Scaling\nmodel model.\n\nScaling\nScaling model.\n";
    expect(parseTextListing(midStop, MARCH).papers.map((p) => [p.title, p.abstract])).toEqual([
      ["Scaling", "Scaling without without with model. Scaling model. Scaling model model."],
      ["Scaling", "Scaling model."],
    ]);
    // Without a stop inside: a sentence broken mid-way, its first line all small words after the capital.
    const runOn = "Trending Papers\n\nSparse Agents\n\nScaling with without with with without with with\nmodel data.\n";
    expect(parseTextListing(runOn, MARCH).papers.map((p) => [p.title, p.abstract])).toEqual([
      ["Sparse Agents", "Scaling with without with with without with with model data."],
    ]);
  });

  it("splits papers that follow each other without blank lines", () => {
    const text = `First Paper About Reasoning\n${ABSTRACT}\nSecond Paper About Retrieval\n${ABSTRACT}`;
    expect(parseTextListing(text, MARCH).papers.map((p) => p.title)).toEqual(["First Paper About Reasoning", "Second Paper About Retrieval"]);
  });

  it("ignores headings without prose or a card, navigation and lone numbers, but keeps a title over one short sentence", () => {
    const text = `Trending\n\nSign in\n\n128\n\nA Title Without Any Abstract\n\nAnother Lonely Headline Here\nToo short to be an abstract.\n`;
    const result = parseTextListing(text, MARCH);
    expect(result.papers.map((p) => [p.title, p.abstract])).toEqual([["Another Lonely Headline Here", "Too short to be an abstract."]]);
    expect(result.errors).toEqual([]);
  });

  it.each([
    ["Dec 30", { now: new Date("2025-01-05T00:00:00Z") }, "2024-12-30"],
    ["Mar 12, 2023", MARCH, "2023-03-12"],
    ["12 Mar", MARCH, "2025-03-12"],
    ["Wednesday, 12 March", MARCH, "2025-03-12"],
    ["Mar 20", MARCH, "2024-03-20"],
  ])("date line %j sets the listing day", (line, ctx, day) => {
    const result = parseTextListing(`${line}\n\nSmall Models Can Reason Too\n${ABSTRACT}`, ctx);
    expect(result.papers[0]?.listedOn).toBe(day);
  });

  it("takes a count just above each title as upvotes when that is the page's layout", () => {
    const text = `57\nFirst Paper About Reasoning\n${ABSTRACT}\n\n12\nSecond Paper About Retrieval\n${ABSTRACT}`;
    expect(parseTextListing(text, MARCH).papers.map((p) => p.upvotes)).toEqual([57, 12]);
  });

  it("an empty body is an empty listing", () => {
    expect(parseTextListing("", MARCH)).toEqual({ source: "text", papers: [], errors: [] });
  });
});

describe("text: every entry-shaped block is a paper or an item error", () => {
  const KIMI =
    "Kimi K2 is a mixture-of-experts model with 32 billion activated parameters and 1 trillion total parameters, trained with the MuonClip optimizer.";

  it("a two-word title over its abstract is a paper (the issue's first example)", () => {
    const result = parseTextListing(`Kimi K2\n${KIMI}\n`, MARCH);
    expect(result.papers.map((p) => [p.title, p.abstract])).toEqual([["Kimi K2", KIMI]]);
    expect(result.errors).toEqual([]);
  });

  it("one entry whose abstract is a sentence or two is a paper, not a quiet day (the issue's second example)", () => {
    const text = "Agent Lightning: Train ANY AI Agents with Reinforcement Learning\nAgent Lightning trains any agent with RL. It needs no code changes.\n";
    const result = parseTextListing(text, MARCH);
    expect(result.papers.map((p) => [p.title, p.abstract])).toEqual([
      ["Agent Lightning: Train ANY AI Agents with Reinforcement Learning", "Agent Lightning trains any agent with RL. It needs no code changes."],
    ]);
  });

  it.each([
    ["one word", "DINOv3", "DINOv3 learns dense visual features without labels."],
    ["one word with a blank line under it", "Tokenizers\n", "We survey tokenizers."],
    ["two words", "Kimi K2", "An open agentic model."],
    ["digits, & and hyphens", "PaddleOCR 3.0 & PP-StructureV3", "A toolkit for multi-lingual document parsing."],
    ["a question", "Does Scale Help?", "We study whether it does."],
  ])("a short title (%s) with a one-sentence abstract is a paper", (_label, title, abstract) => {
    const result = parseTextListing(`${title}\n${abstract}\n`, MARCH);
    expect(result.papers.map((p) => [p.title, p.abstract])).toEqual([[title.trim(), abstract]]);
    expect(result.errors).toEqual([]);
  });

  it("titles without a date line are listed on the day of the paste", () => {
    const result = parseTextListing(`Kimi K2\n${KIMI}\n\nDINOv3\nDINOv3 learns dense visual features without labels.\n`, MARCH);
    expect(result.papers.map((p) => [p.title, p.listedOn])).toEqual([
      ["Kimi K2", "2025-03-14"],
      ["DINOv3", "2025-03-14"],
    ]);
  });

  it("entries that abut without a blank line, with short titles and one-sentence abstracts, are each a paper", () => {
    const text =
      "DINOv3\nDINOv3 learns dense visual features.\nKimi K2\nKimi K2 is an open agentic model.\nQwen3 Technical Report\nQwen3 unifies thinking modes.\n";
    expect(parseTextListing(text, MARCH).papers.map((p) => [p.title, p.abstract])).toEqual([
      ["DINOv3", "DINOv3 learns dense visual features."],
      ["Kimi K2", "Kimi K2 is an open agentic model."],
      ["Qwen3 Technical Report", "Qwen3 unifies thinking modes."],
    ]);
  });

  it("prose with no title line above it is an item error that quotes its first words; the other entries are kept", () => {
    const text = `Trending Papers\n\nWe present a method with no title above it. It still counts.\n\nKimi K2\n${KIMI}\n`;
    const result = parseTextListing(text, MARCH);
    expect(result.papers.map((p) => p.title)).toEqual(["Kimi K2"]);
    expect(result.errors).toEqual([{ index: 0, message: 'no title line above "We present a method with no …"' }]);
  });

  it("a card whose title line is missing is an item error, not a silent skip", () => {
    const text =
      "Submitted by\ntaesiri\nA summary sentence whose title was not copied.\n· 3 authors\nUpvote\n12\narXiv Page\nSubmitted by\nakhaliq\nDINOv3\nDINOv3 learns dense features.\n";
    const result = parseTextListing(text, MARCH);
    expect(result.papers.map((p) => p.title)).toEqual(["DINOv3"]);
    expect(result.errors).toEqual([{ index: 0, message: 'no title line above "A summary sentence whose title was …"' }]);
  });

  it("a card opener that no title follows is an item error", () => {
    const result = parseTextListing("[1] arXiv:2607.20123 [pdf, html, other]\n[2] arXiv:2607.20177 [pdf]\nTitle: Tokenizers\n", MARCH);
    expect(result.papers.map((p) => [p.arxivId, p.title])).toEqual([["2607.20177", "Tokenizers"]]);
    expect(result.errors).toEqual([{ index: 0, message: 'no title after "[1] arXiv:2607.20123 [pdf, html, other]"' }]);
  });

  it("a column of short link lines (a site menu) is neither a paper nor prose", () => {
    const menu = "Cornell University\narXiv Logo\nHelp Pages\nQuick Links\nBrowse Catalog\nAdvanced Search\nContact arXiv\nMailing Lists\nOperational Status\n";
    const result = parseTextListing(`${menu}\nKimi K2\n${KIMI}\n`, MARCH);
    expect(result.papers.map((p) => p.title)).toEqual(["Kimi K2"]);
    expect(result.errors).toEqual([]);
  });

  it("a paste in which no entry is found is refused with a reason, never taken for a quiet day", () => {
    const text =
      "Trending Papers\nby AK and the research community\n\nGet trending papers in your email inbox!\nSubscribe\n\nTrending Papers\nSystem theme\nTOS\n";
    expect(parseTextListing(text, MARCH)).toEqual({
      source: "text",
      papers: [],
      errors: [],
      fatal: "no paper entries found in the pasted text (7 lines, all page chrome or headings)",
    });
    expect(parseTextListing("hello", MARCH).fatal).toBe("no paper entries found in the pasted text (1 line, all page chrome or headings)");
    expect(parseTextListing(" \n\t\n", MARCH)).toEqual({ source: "text", papers: [], errors: [] });
  });
});

describe("text: Hugging Face pages copied as text", () => {
  const NOW = { now: new Date("2026-08-01T12:00:00Z") };
  const trending = parseTextListing(HF_TRENDING_COPY, NOW);

  it("reads every card of the trending page, whatever the title's length, and none of the chrome", () => {
    expect(trending.errors).toEqual([]);
    expect(trending.papers.map((p) => p.title)).toEqual([
      "Agent Lightning: Train ANY AI Agents with Reinforcement Learning",
      "DINOv3",
      "Kimi K2",
      "Qwen3 Technical Report",
      "PaddleOCR 3.0 & PP-StructureV3: Multi-Lingual Document Parsing",
    ]);
  });

  it("takes the AI summary as the abstract, and a card without one keeps an empty abstract", () => {
    expect(trending.papers[2]?.abstract).toBe(
      "Kimi K2 is a mixture-of-experts model with 32 billion activated parameters. It leads open models on agentic benchmarks.",
    );
    expect(trending.papers[4]?.abstract).toBe("");
  });

  it("takes the number after Upvote, never the star count, and dates a card by its Published on line", () => {
    expect(trending.papers.map((p) => [p.upvotes, p.listedOn])).toEqual([
      [124, "2025-08-05"],
      [201, "2026-08-01"],
      [1204, "2025-07-28"],
      [317, "2026-08-01"],
      [55, "2025-07-08"],
    ]);
  });

  it("reads the daily page's cards under its date heading", () => {
    const daily = parseTextListing(HF_DAILY_COPY, NOW);
    expect(daily.errors).toEqual([]);
    expect(daily.papers.map((p) => [p.title, p.upvotes, p.listedOn])).toEqual([
      ["SAM 2: Segment Anything in Images and Videos", 94, "2024-07-31"],
      ["MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts", 23, "2024-07-31"],
    ]);
  });
});

describe("text: an arXiv listing copied as text", () => {
  const result = parseTextListing(ARXIV_NEW_COPY, { now: new Date("2026-08-01T12:00:00Z") });

  it("reads each entry's id, fields and abstract, listed on the page's day", () => {
    expect(result.errors).toEqual([]);
    expect(result.papers.map((p) => [p.arxivId, p.title, p.listedOn])).toEqual([
      ["2607.20123", "Short Context Is Enough: Pruning KV Caches with Attention Sinks", "2026-07-28"],
      ["2607.20177", "Tokenizers", "2026-07-28"],
      ["2607.19001", "Agents That Ask Before They Act", "2026-07-28"],
    ]);
    expect(result.papers.map((p) => p.announceType)).toEqual(["new", "new", "cross"]);
    expect(result.papers[0]).toMatchObject({
      authors: ["Jane Doe", "Ravi Kumar", "Li Wei"],
      comments: "12 pages, 4 figures",
      categories: ["cs.CL", "cs.LG"],
      primaryCategory: "cs.CL",
    });
    expect(result.papers[0]?.abstract).toMatch(/^We show that most .* four long-context benchmarks\.$/);
    expect(result.papers[1]?.abstract).toBe("We survey tokenizers.");
  });

  it("reads the announce type from the pre-2024 page's headings too, as the HTML parser reads that page", () => {
    const legacy = [
      "Computation and Language",
      "New submissions for Tue, 30 Jan 24",
      "[1] arXiv:2401.15077 [pdf, other]",
      "Title: Speculative Decoding Without Draft Models",
      "Authors: Yuhui Li, Fangyun Wei",
      "Subjects: Computation and Language (cs.CL); Machine Learning (cs.LG)",
      "Auto-regressive decoding makes the inference of large language models slow; we remove the draft model entirely.",
      "Cross-lists for Tue, 30 Jan 24",
      "[2] arXiv:2401.15500 (cross-list from cs.LG) [pdf]",
      "Title: Scaling Laws for Tokenizers",
      "Authors: Jane Doe",
      "Subjects: Machine Learning (cs.LG); Computation and Language (cs.CL)",
      "We fit scaling laws to tokenizer vocabulary size.",
      "Replacements for Tue, 30 Jan 24",
      "[3] arXiv:2310.01234 (replaced) [pdf]",
      "Title: An Updated Corpus",
      "Authors: Richard Roe",
      "Subjects: Computation and Language (cs.CL)",
      "A revised description of the corpus.",
      "[4] arXiv:math/0309136 (*cross-listing*) (replaced) [pdf]",
      "Title: An Old-Style Identifier",
      "Authors: Edgar Poe",
      "Subjects: Geometric Topology (math.GT); Computation and Language (cs.CL)",
      "An old paper, replaced.",
    ].join("\n");
    const types = (papers: TNormalizedPaper[]) => papers.map((p) => [p.arxivId, p.announceType]);
    // Pasted days later, the entries keep the day their headings name, as the HTML parser dates them (they took the paste's day).
    const later = { now: new Date("2024-02-03T12:00:00Z") };
    expect(parseTextListing(legacy, later).papers.map((p) => p.listedOn)).toEqual(Array(4).fill("2024-01-30"));
    expect(parseArxivList(LEGACY_NEW_PAGE, later).papers.map((p) => p.listedOn)).toEqual(Array(4).fill("2024-01-30"));
    const text = parseTextListing(legacy, { now: new Date("2024-01-30T12:00:00Z") });
    expect(text.errors).toEqual([]);
    expect(types(text.papers)).toEqual(types(parseArxivList(LEGACY_NEW_PAGE, { now: new Date("2024-01-30T12:00:00Z") }).papers));
    expect(types(text.papers)).toEqual([
      ["2401.15077", "new"],
      ["2401.15500", "cross"],
      ["2310.01234", "replace"],
      ["math/0309136", "replace-cross"],
    ]);
  });

  it("a listing without abstracts (/recent) still gives every entry", () => {
    const recent = ARXIV_NEW_COPY.replace(/^(?:We show|recent window|We survey|Agents that ask).*\n/gm, "");
    const papers = parseTextListing(recent, { now: new Date("2026-08-01T12:00:00Z") }).papers;
    expect(papers.map((p) => [p.arxivId, p.abstract])).toEqual([
      ["2607.20123", ""],
      ["2607.20177", ""],
      ["2607.19001", ""],
    ]);
  });
});

describe("text: arXiv's recent listing as a browser copies it, names with no Authors: label", () => {
  const result = parseTextListing(ARXIV_RECENT_BROWSER_COPY, { now: new Date("2026-08-01T12:00:00Z") });

  it("reads the unlabelled byline as the authors, never as the abstract, and the subjects after it", () => {
    expect(result.errors).toEqual([]);
    expect(result.papers.map((p) => [p.arxivId, p.abstract, p.authors.length, p.categories])).toEqual([
      ["2607.22529", "", 13, ["cs.CL"]],
      ["2607.22456", "", 5, ["cs.CL"]],
      ["2607.22376", "", 4, ["cs.CL"]],
      ["2607.22136", "", 1, ["cs.CL"]],
      ["2607.21962", "", 1, ["cs.CL"]],
    ]);
    expect(result.papers[2]).toMatchObject({
      authors: ["Varun Ghat Ravikumar", "Sina Ahmadi", "Lena Jäger", "Rico Sennrich"],
      comments: "Accepted at CLiC-it 2026",
    });
    expect(result.papers[3]?.authors).toEqual(["Zhengyu Qi"]);
  });
});

describe("text: Hugging Face's Daily Papers page of 2024-08-01 as a browser copies it", () => {
  const result = parseTextListing(readFixture("hf/daily-page-2024-08-01.innertext.txt"), { now: new Date("2024-08-02T12:00:00Z") });

  it("reads the count above each title as its upvotes, not the comment count after it", () => {
    expect(result.papers).toHaveLength(13);
    const upvotes = (title: string) => result.papers.find((p) => p.title.startsWith(title))?.upvotes;
    // The capture's own data: 94 upvotes and 5 comments, 24 and 2.
    expect([upvotes("The Llama 3 Herd of Models"), upvotes("Tora:")]).toEqual([94, 24]);
  });

  it("gives no announce type: Hugging Face's date headings are no arXiv listing sections", () => {
    expect(result.papers.filter((p) => p.announceType !== undefined)).toEqual([]);
  });
});

describe("text: arXiv's whole listing pages as a browser copies them, read as the HTML parser reads the same pages", () => {
  const same = (page: string, now: string) => {
    const ctx = { now: new Date(now) };
    return { text: parseTextListing(readFixture(`arxiv/${page}.innertext.txt`), ctx), html: parseArxivList(readFixture(`arxiv/${page}.html`), ctx) };
  };
  const fields = (papers: TNormalizedPaper[], keys: (keyof TNormalizedPaper)[]) =>
    papers.map((p) => Object.fromEntries(keys.map((k) => [k, p[k]]))).sort((a, b) => String(a.arxivId).localeCompare(String(b.arxivId)));

  it("/list/cs.CL/recent: its 50 entries, and the footer (About · Help · Contact · …) is no unreadable entry", () => {
    const { text, html } = same("list-cs.CL-recent-2026-07-28", "2026-07-28T12:00:00Z");
    expect(text.errors).toEqual([]);
    expect(text.papers).toHaveLength(50);
    expect(fields(text.papers, ["arxivId", "title", "authors"])).toEqual(fields(html.papers, ["arxivId", "title", "authors"]));
    // Its day headings hold new papers and cross-lists, told apart by the id line's "(cross-list from …)".
    expect(fields(text.papers, ["arxivId", "announceType"])).toEqual(fields(html.papers, ["arxivId", "announceType"]));
    expect(countBy(text.papers, (p) => p.announceType)).toEqual({ new: 32, cross: 18 });
    // The page has no abstracts: no byline or line of chrome ("Showing up to 50 entries per page: …") may be stored as one.
    expect(text.papers.filter((p) => p.abstract !== "").map((p) => [p.arxivId, p.abstract])).toEqual([]);
  });

  it("/list/cond-mat.mtrl-sci/new: a byline with affiliations or a particle (te Vrugt) is the authors, never taken for the abstract", () => {
    const { text, html } = same("list-cond-mat.mtrl-sci-new-2026-09-22", "2026-09-22T12:00:00Z");
    expect(text.errors).toEqual([]);
    expect(text.papers).toHaveLength(101);
    expect(fields(text.papers, ["arxivId", "title", "authors"])).toEqual(fields(html.papers, ["arxivId", "title", "authors"]));
    // The section headings ("Cross submissions (showing 21 of 21 entries)") tell the announce type; a replacement whose primary category
    // is not the page's own ("Materials Science", read from the Subjects lines as cond-mat.mtrl-sci) is a replaced cross-list.
    expect(fields(text.papers, ["arxivId", "announceType"])).toEqual(fields(html.papers, ["arxivId", "announceType"]));
    expect(countBy(text.papers, (p) => p.announceType)).toEqual({ new: 45, cross: 21, replace: 21, "replace-cross": 14 });
    // A copy of the Replacements section alone, without the page's heading, still tells the two apart: the one category every entry
    // lists is the page's (14 of the 35 were stored as plain replacements).
    const lines = readFixture("arxiv/list-cond-mat.mtrl-sci-new-2026-09-22.innertext.txt").split("\n");
    const replacements = parseTextListing(lines.slice(lines.findIndex((line) => line.startsWith("Replacement submissions"))).join("\n"), {
      now: new Date("2026-09-22T12:00:00Z"),
    });
    expect(countBy(replacements.papers, (p) => p.announceType)).toEqual({ replace: 21, "replace-cross": 14 });
    // A copy keeps an address only as its link's text, "this https URL"; the page's link holds the address itself.
    const copied = new Set(text.papers.filter((p) => p.abstract.includes("this https URL")).map((p) => p.arxivId));
    expect([...copied]).toEqual(["2609.22268"]);
    const abstracts = (papers: TNormalizedPaper[]) => fields(papers, ["arxivId", "abstract"]).filter((p) => !copied.has(p.arxivId as string));
    // 2512.10786's abstract was escaped twice by arXiv, so the page shows "&ndash;" and "<sub>" as text: both read it as "–" and "Bi2O2Se".
    expect(abstracts(text.papers)).toEqual(abstracts(html.papers));
    const address = "https://github.com/manasvupadhyay/spectral_galerkin_heat";
    expect(html.papers.find((p) => p.arxivId === "2609.22268")).toMatchObject({
      abstract: expect.stringContaining(`available at ${address} under`),
      githubUrl: address,
    });
  });
});

describe("text: an arXiv entry whose Title: line was cut off (a paste that starts at the byline, or mid-entry)", () => {
  const NEW_PAGE = readFixture("arxiv/list-cond-mat.mtrl-sci-new-2026-09-22.innertext.txt");
  const RECENT_PAGE = readFixture("arxiv/list-cs.CL-recent-2026-07-28.innertext.txt");
  const read = (text: string, now: string) => parseTextListing(text, { now: new Date(now) });
  const fromLine = (page: string, line: string) => page.slice(page.indexOf(`\n${line}`) + 1);
  const withoutLine = (page: string, line: string) => page.replace(`\n${line}\n`, "\n");
  const authorTitled = (papers: TNormalizedPaper[]) => papers.filter((p) => p.authors.length === 0 || p.title.includes(p.authors[0] ?? "\u0000"));

  it("a paste that starts at the first entry's byline reports that entry, never a paper titled with its authors", () => {
    const result = read(fromLine(NEW_PAGE, "Théo Andrieux, Andreas Ntinos, Manas V. Upadhyay"), "2026-09-22T12:00:00Z");
    expect(result.errors).toEqual([
      {
        index: 0,
        message:
          'no "Title:" line above the byline "Théo Andrieux, Andreas Ntinos, Manas V. …"; its abstract starts "Accurately modelling the temporal evolution of …"',
      },
    ]);
    // Its abstract belongs to the reported entry, which quotes it: neither a paper nor a second error.
    expect(result.papers).toHaveLength(100);
    expect(authorTitled(result.papers)).toEqual([]);
  });

  it("an entry whose Title: line is missing mid-listing is reported with its id, and its neighbours keep their own text", () => {
    const result = read(
      withoutLine(NEW_PAGE, "Title: Predicting energy and structural response to force correction in molecular dynamics"),
      "2026-09-22T12:00:00Z",
    );
    expect(result.errors).toEqual([
      {
        index: 1,
        message:
          'no "Title:" line between "[2] arXiv:2609.22287 [pdf, html, other]" and its byline "Peng Kang, Da Wan, Shulin Bai, …"; its abstract starts "We predict how force correction changes …"',
      },
    ]);
    expect(result.papers).toHaveLength(100);
    expect(result.papers.map((p) => p.arxivId)).not.toContain("2609.22287");
    expect(result.papers[0]?.abstract).toMatch(/^Accurately modelling .* Apache 2\.0 license\.$/);
    expect(authorTitled(result.papers)).toEqual([]);
  });

  it("on a listing without abstracts (/recent), a cut entry with a short byline or a single name is reported, not stored or dropped", () => {
    const cut = read(
      withoutLine(RECENT_PAGE, "Title: A Factorial Study of Synthetic Data Generation for Low-Resource Machine Translation using Grammar Books"),
      "2026-07-28T12:00:00Z",
    );
    expect(cut.errors.map((e) => e.message)).toEqual([
      'no "Title:" line between "[3] arXiv:2607.22376 [pdf, html, other]" and its byline "Varun Ghat Ravikumar, Sina Ahmadi, Lena …"',
    ]);
    expect(cut.papers).toHaveLength(49);
    expect(authorTitled(cut.papers)).toEqual([]);
    // Pasted from "Zhengyu Qi" on: the single name was taken for a heading and the entry vanished without a trace.
    const started = read(fromLine(RECENT_PAGE, "Zhengyu Qi"), "2026-07-28T12:00:00Z");
    expect(started.errors).toEqual([{ index: 0, message: 'no "Title:" line above the byline "Zhengyu Qi"' }]);
    expect(started.papers).toHaveLength(43);
  });

  it("a paste that starts at an entry's Title: line takes no id from its text: an id written there is another paper's", () => {
    // 2609.22776 comments on 2503.08841, and says so in its title and comments: storing it as 2503.08841 would overwrite that paper.
    const result = read(fromLine(NEW_PAGE, 'Title: Comment on "Topography of Fermi arcs'), "2026-09-22T12:00:00Z");
    expect(result.errors).toEqual([]);
    expect(result.papers[0]).toMatchObject({
      arxivId: null,
      title: expect.stringMatching(/^Comment on "Topography of Fermi arcs/),
      authors: ["Sergey Borisenko"],
    });
    expect(result.papers.map((p) => p.arxivId)).not.toContain("2503.08841");
  });

  it('an empty "Title:" field is one error for its entry: its byline and abstract are not another entry', () => {
    const result = read(
      NEW_PAGE.replace("\nTitle: Predicting energy and structural response to force correction in molecular dynamics\n", "\nTitle:\n"),
      "2026-09-22T12:00:00Z",
    );
    expect(result.errors.map((e) => [e.index, e.message])).toEqual([
      [1, 'no title after "Title:"; its abstract starts "We predict how force correction changes …"'],
    ]);
    expect(result.papers).toHaveLength(100);
    expect(authorTitled(result.papers)).toEqual([]);
  });
});

describe("text: an arXiv listing's bylines, one entry at a time", () => {
  const NOW = { now: new Date("2026-07-28T12:00:00Z") };
  const entry = (byline: string, abstract = "We show that the method works on every benchmark we tried.") =>
    parseTextListing(
      `[1] arXiv:2607.00001 [pdf, other]\nTitle: A Study of Things\n${byline}\nSubjects: Computation and Language (cs.CL)\n\n${abstract}\n`,
      NOW,
    );

  it.each([
    ["A. Smith, B. Jones, et al.", ["A. Smith", "B. Jones"]],
    ["A. Smith, B. Jones, et al. (25 additional authors not shown)", ["A. Smith", "B. Jones"]],
    ["Martin King, Jr., Jane Doe", ["Martin King, Jr.", "Jane Doe"]],
    ["Ana de la Cruz, Michael te Vrugt", ["Ana de la Cruz", "Michael te Vrugt"]],
    ["Richard (Yu)Liu (MIT), Li Wei ((1) Osaka, Japan, (2) MIT)", ["Richard (Yu)Liu", "Li Wei"]],
  ])("%s", (byline, authors) => {
    const result = entry(byline);
    expect(result.errors).toEqual([]);
    expect(result.papers.map((p) => [p.authors, p.abstract])).toEqual([[authors, "We show that the method works on every benchmark we tried."]]);
  });

  it('arXiv\'s "(author list is unavailable)" names nobody and leaves the abstract the abstract', () => {
    const result = entry("(author list is unavailable)");
    expect(result.errors).toEqual([]);
    expect(result.papers.map((p) => [p.authors, p.abstract])).toEqual([[[], "We show that the method works on every benchmark we tried."]]);
  });

  it("an entry with no byline keeps its abstract: a sentence with commas is no list of names", () => {
    const text =
      "[2] arXiv:2607.22456 [pdf, other]\nTitle: grapheme-kit: Grapheme-Level Metrics\nWe propose a method, which works well, and is fast. It beats baselines.\n";
    const result = parseTextListing(text, NOW);
    expect(result.papers.map((p) => [p.authors, p.abstract])).toEqual([[[], "We propose a method, which works well, and is fast. It beats baselines."]]);
  });

  it("reads a byline of deeply nested brackets once through (peeling one level per pass took seconds)", () => {
    const result = entry(`Ann Lee ${"(".repeat(100_000)}x${")".repeat(100_000)}, Bo Chen`);
    expect(result.papers.map((p) => p.authors)).toEqual([["Ann Lee", "Bo Chen"]]);
  });
});

describe("text: wrong document types", () => {
  it.each([
    ["HTML", readFixture("arxiv/list-cs.CL-recent-2026-07-28.html")],
    ["XML", readFixture("arxiv/api-empty-result.atom.xml")],
    ["JSON", readFixture("hf/api-daily-papers-2026-06-12.json")],
  ])("%s is fatal", (_label, body) => {
    const result = parseTextListing(body, MARCH);
    expect(result.fatal).toEqual(expect.any(String));
    expect(result.papers).toEqual([]);
  });
});
