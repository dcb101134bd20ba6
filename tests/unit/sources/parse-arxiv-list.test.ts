// arXiv /list pages: the captured /recent page, a current /new page, the pre-2024 layout and quiet days.
import { describe, expect, it } from "vitest";
import { parseArxivList } from "@/core/sources/parse-arxiv-list";
import { countBy, ctx, readFixture } from "./fixtures";
import { LEGACY_NEW_PAGE, NEW_PAGE, QUIET_NEW_PAGE } from "./samples/arxiv-list-pages";

const RECENT = readFixture("arxiv/list-cs.CL-recent-2026-07-28.html");

describe("arxiv-list: /list/cs.CL/recent capture", () => {
  const result = parseArxivList(RECENT, ctx);

  it("reads all 50 entries; expected is the sum of the shown counts (47 + 3)", () => {
    expect(result.fatal).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.papers).toHaveLength(50);
    expect(result.expected).toBe(50);
    expect(result.totalResults).toBe(408);
  });

  it('counts a day continued from the previous page ("continued, showing last N of M") as N shown', () => {
    const paged = parseArxivList(RECENT.replace("(showing 47 of 47 entries )", "(continued, showing last 47 of 60 entries )"), ctx);
    expect(paged.papers).toHaveLength(50);
    expect(paged.expected).toBe(50);
  });

  it("reports an entry whose author block names nobody, as the feeds do, and keeps arXiv's own '(author list is unavailable)' a paper", () => {
    const emptied = RECENT.replace(/<div class='list-authors'>.*?<\/div>/, "<div class='list-authors'> </div>");
    const read = parseArxivList(emptied, ctx);
    expect(read.papers).toHaveLength(49);
    expect(read.errors).toEqual([expect.objectContaining({ id: "2607.22529", message: expect.stringMatching(/no author names/) })]);
    const unavailable = parseArxivList(
      RECENT.replace(/<div class='list-authors'>.*?<\/div>/, "<div class='list-authors'>(author list is unavailable)</div>"),
      ctx,
    );
    expect(unavailable.errors).toEqual([]);
    expect(unavailable.papers[0]).toMatchObject({ arxivId: "2607.22529", authors: [] });
  });

  it("dates each entry by its day heading", () => {
    expect(countBy(result.papers, (p) => p.listedOn)).toEqual({ "2026-07-27": 47, "2026-07-24": 3 });
  });

  it("reads the first entry", () => {
    expect(result.papers[0]).toEqual({
      arxivId: "2607.22529",
      title: "Skill Self-Play: Pushing the Frontier of LLM Capability with Co-Evolving Skills",
      abstract: "",
      authors: expect.any(Array),
      listedOn: "2026-07-27",
      categories: ["cs.CL"],
      primaryCategory: "cs.CL",
      announceType: "new",
    });
    expect(result.papers[0]?.authors).toHaveLength(13);
    expect(result.papers[0]?.authors[0]).toBe("Siyuan Huang");
    expect(result.papers[0]?.authors.at(-1)).toBe("Guanjun Jiang");
  });

  it("reads the last entry and the first of the second day", () => {
    expect(result.papers.at(-1)).toMatchObject({
      arxivId: "2607.21540",
      title: "DONDO: Open w2v-BERT Speech-Recognition Base Models for African Languages",
      authors: ["Paul Azunre"],
      listedOn: "2026-07-24",
    });
    expect(result.papers[47]).toMatchObject({
      arxivId: "2607.21574",
      title: "Surprisal Theory is Tautological (without Rational Grounding)",
      authors: ["Ryan Cotterell"],
      comments: 'Under "Review" at ARR',
    });
  });

  it("marks the 18 cross-lists and reads their categories", () => {
    expect(countBy(result.papers, (p) => p.announceType)).toEqual({ new: 32, cross: 18 });
    expect(result.papers[46]).toMatchObject({
      arxivId: "2607.21608",
      announceType: "cross",
      primaryCategory: "cs.SE",
      categories: ["cs.SE", "cs.AI", "cs.CL", "cs.CY"],
    });
    expect(result.papers[46]?.authors[0]).toBe("T.Y. Emmy Lai");
  });

  it("strips the Comments: descriptor and keeps 30 comment lines", () => {
    expect(result.papers.filter((p) => p.comments !== undefined)).toHaveLength(30);
    expect(result.papers[2]?.comments).toBe("Accepted at CLiC-it 2026");
  });

  it('writes the address arXiv shows as a link reading "this https URL", and takes a GitHub one as the code link, a project page as such', () => {
    const paper = (id: string) => result.papers.find((p) => p.arxivId === id);
    expect(paper("2607.21962")).toMatchObject({
      comments: "25 pages, 2 figures. Code: https://github.com/veracium-ai/Veracium",
      githubUrl: "https://github.com/veracium-ai/Veracium",
    });
    expect(paper("2607.22334")).toMatchObject({ comments: "Project page: https://bpm-opd.github.io/", projectUrl: "https://bpm-opd.github.io/" });
    expect(paper("2607.22334")?.githubUrl).toBeUndefined();
    expect(paper("2607.21962")?.projectUrl).toBeUndefined();
    expect(result.papers.filter((p) => `${p.comments} ${p.abstract}`.includes("this https URL"))).toEqual([]);
  });
});

describe("arxiv-list: /new page (current markup)", () => {
  const result = parseArxivList(NEW_PAGE, { ...ctx, url: "https://arxiv.org/list/cs.CL/new" });

  it("reads every section and dates them by the page's date line", () => {
    expect(result.errors).toEqual([]);
    expect(result.papers.map((p) => [p.arxivId, p.announceType])).toEqual([
      ["2607.23001", "new"],
      ["2607.23002", "new"],
      ["2607.22950", "cross"],
      ["2601.01234", "replace"],
      ["2512.04321", "replace-cross"],
    ]);
    expect(result.expected).toBe(5);
    expect(new Set(result.papers.map((p) => p.listedOn))).toEqual(new Set(["2026-07-28"]));
  });

  it("keeps escaped markup in a title as literal text and normalises whitespace", () => {
    expect(result.papers[0]?.title).toBe("Retrieval Heads & Long Context: <script>alert(1)</script> Is Just Text");
    expect(result.papers[0]?.comments).toBe('12 pages, accepted at "ACL 2026"');
    expect(result.papers[1]?.title).toBe("A Second Paper");
  });

  it("reads the abstract from p.mathjax", () => {
    expect(result.papers[0]?.abstract).toBe(
      "We study how large language models handle long inputs and propose a simple method that improves retrieval accuracy across twelve benchmarks without any additional training.",
    );
    expect(result.papers[0]?.categories).toEqual(["cs.CL", "cs.LG"]);
  });

  it("finds the listing category in the page when no URL is given", () => {
    expect(parseArxivList(NEW_PAGE, ctx).papers.at(-1)?.announceType).toBe("replace-cross");
  });

  it("skips an entry without an id and keeps the rest", () => {
    const broken = NEW_PAGE.replace('href ="/abs/2607.23002" title="Abstract" id="2607.23002"', 'href ="/nowhere" title="Abstract"').replace(
      "arXiv:2607.23002",
      "arXiv:unknown",
    );
    const r = parseArxivList(broken, ctx);
    expect(r.papers).toHaveLength(4);
    expect(r.errors).toEqual([{ index: 1, id: "unknown", message: expect.any(String) }]);
  });
});

describe("arxiv-list: /list/cond-mat.mtrl-sci/new capture (2026-09-22)", () => {
  const result = parseArxivList(readFixture("arxiv/list-cond-mat.mtrl-sci-new-2026-09-22.html"), ctx);
  const paper = (id: string) => result.papers.find((p) => p.arxivId === id);

  it("reads all 101 entries of its three sections", () => {
    expect([result.fatal, result.errors, result.papers.length, result.totalResults]).toEqual([undefined, [], 101, 101]);
    expect(countBy(result.papers, (p) => p.announceType)).toEqual({ new: 45, cross: 21, replace: 21, "replace-cross": 14 });
  });

  it('keeps a name\'s part written after its link, and drops an "and" written inside one', () => {
    expect(paper("2602.09262")?.authors).toEqual(["Anna N. Morozovska", "Eugene A. Eliseev", "Richard (Yu)Liu", "Sergei V. Kalinin", "Dean R. Evans"]);
    expect(paper("2605.07700")?.authors.at(-1)).toBe("Roberto Flammini");
    // Affiliations between the links stay out of the names.
    expect(result.papers.flatMap((p) => p.authors).filter((name) => /^and\b|\(\d+\)|\bUniversity\b|^\(/.test(name))).toEqual([]);
  });

  it("reads an abstract's escaped markup as the feeds do: tags go, character references are decoded", () => {
    const abstract = paper("2512.10786")?.abstract ?? "";
    for (const text of ["semiconductor–insulator", "Bi2O2Se", "high-κ"]) expect(abstract).toContain(text);
    expect(abstract).not.toMatch(/<\/?(?:sub|i)>|&\w+;/);
  });
});

describe("arxiv-list: quiet days and older markup", () => {
  it("a /new page with no updates is a quiet day", () => {
    expect(parseArxivList(QUIET_NEW_PAGE, ctx)).toEqual({ source: "arxiv-list", papers: [], errors: [], expected: 0 });
  });

  it("a listing that shows 0 of 0 entries is a quiet day", () => {
    const html = `<html><body><div id='dlpage'><h3>Showing new listings for Monday, 3 August 2026</h3><dl id='articles'><h3>New submissions (showing 0 of 0 entries)</h3><p>No updates for this time period.</p></dl></div></body></html>`;
    const result = parseArxivList(html, ctx);
    expect(result).toMatchObject({ papers: [], errors: [], expected: 0 });
    expect(result.fatal).toBeUndefined();
  });

  it("reads the pre-2024 layout", () => {
    const result = parseArxivList(LEGACY_NEW_PAGE, ctx);
    expect(result.fatal).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.expected).toBe(4);
    expect(result.papers.map((p) => [p.arxivId, p.announceType, p.listedOn])).toEqual([
      ["2401.15077", "new", "2024-01-30"],
      ["2401.15500", "cross", "2024-01-30"],
      ["2310.01234", "replace", "2024-01-30"],
      ["math/0309136", "replace-cross", "2024-01-30"],
    ]);
    expect(result.papers[0]).toMatchObject({
      title: "Speculative Decoding Without Draft Models",
      authors: ["Yuhui Li", "Fangyun Wei"],
      comments: "Code: this https URL",
      primaryCategory: "cs.CL",
      categories: ["cs.CL", "cs.LG"],
      abstract: "Auto-regressive decoding makes the inference of large language models slow; we remove the draft model entirely.",
    });
  });
});

describe("arxiv-list: malformed markup", () => {
  const clean = parseArxivList(RECENT, ctx).papers;

  it.each([
    ["every </div> missing", RECENT.replaceAll("</div>", "")],
    ["every </dd> missing", RECENT.replaceAll("</dd>", "")],
    ["stray unclosed tags", RECENT.replace(/<dl id='articles'>/g, "<dl id='articles'><p><span>")],
  ])("%s: fields do not bleed into each other", (_label, body) => {
    const result = parseArxivList(body, ctx);
    expect(result.errors).toEqual([]);
    expect(result.papers).toEqual(clean);
  });

  it("a <dt> without its <dd> is an item error, the rest are kept", () => {
    const body = RECENT.replace(/<dd>[\s\S]*?<\/dd>/, "");
    const result = parseArxivList(body, ctx);
    expect(result.papers).toHaveLength(49);
    expect(result.errors).toEqual([{ index: 0, id: "2607.22529", message: "entry has a <dt> but no <dd>" }]);
  });

  it("a <dd> without its <dt> is an item error that quotes the title, the rest are kept", () => {
    const body = RECENT.replace(/<dt>[\s\S]*?<\/dt>/, "");
    const result = parseArxivList(body, ctx);
    expect(result.papers).toHaveLength(49);
    expect(result.errors).toEqual([{ index: 0, message: 'entry has a <dd> but no <dt>: "Skill Self-Play: Pushing the Frontier of …"' }]);
  });
});

describe("arxiv-list: unusable documents", () => {
  it("a page cut in half is fatal", () => {
    const result = parseArxivList(RECENT.slice(0, Math.floor(RECENT.length / 2)), ctx);
    expect(result.fatal).toMatch(/truncated/);
    expect(result.papers).toEqual([]);
  });

  it.each([
    ["a JSON body", readFixture("hf/api-daily-papers-2026-06-12.json")],
    ["an RSS feed", readFixture("arxiv/rss-cs.CL-2026-08-01-weekend-empty.xml")],
    ["some other HTML page", "<html><head><title>Hi</title></head><body><p>Hello</p></body></html>"],
    ["an empty body", ""],
  ])("%s is not an arXiv listing", (_label, body) => {
    const result = parseArxivList(body, ctx);
    expect(result.fatal).toMatch(/not an arXiv listing/);
    expect(result.papers).toEqual([]);
  });
});
