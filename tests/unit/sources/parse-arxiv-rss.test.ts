// arXiv feeds: the captured stat and weekend RSS, plus the Atom and legacy RDF flavours.
import { describe, expect, it } from "vitest";
import { parseArxivRss } from "@/core/sources/parse-arxiv-rss";
import { countBy, ctx, readFixture } from "./fixtures";
import { RSS_ATOM, RSS_RDF } from "./samples/feeds";

const STAT = readFixture("arxiv/rss-stat-2024-03-26.xml");
const WEEKEND = readFixture("arxiv/rss-cs.CL-2026-08-01-weekend-empty.xml");

describe("arxiv-rss: stat feed of 2024-03-26", () => {
  const result = parseArxivRss(STAT, ctx);

  it("keeps all 123 items", () => {
    expect(result.fatal).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.papers).toHaveLength(123);
    expect(result.expected).toBe(123);
  });

  it("counts 35 new, 27 cross, 41 replace and 20 replace-cross", () => {
    expect(countBy(result.papers, (p) => p.announceType)).toEqual({ new: 35, cross: 27, replace: 41, "replace-cross": 20 });
  });

  it("reads the first item and strips the description prefix", () => {
    const first = result.papers[0];
    expect(first).toMatchObject({
      arxivId: "2403.15527",
      version: 1,
      title: "Conformal online model aggregation",
      authors: ["Matteo Gasparin", "Aaditya Ramdas"],
      listedOn: "2024-03-26",
      categories: ["stat.ML", "cs.LG"],
      primaryCategory: "stat.ML",
      announceType: "new",
    });
    expect(first?.abstract.startsWith("Conformal prediction equips machine learning models")).toBe(true);
    expect(first?.abstract).not.toMatch(/Announce Type|arXiv:|Abstract:/);
  });

  it("reads the last item", () => {
    expect(result.papers.at(-1)).toMatchObject({
      arxivId: "2403.14050",
      version: 2,
      title: "Extracting Emotion Phrases from Tweets using BART",
      authors: ["Mahdi Rezapour"],
      categories: ["cs.CL", "cs.LG", "stat.AP"],
      announceType: "replace-cross",
    });
  });

  it("lists everything on the channel's day", () => {
    expect(new Set(result.papers.map((p) => p.listedOn))).toEqual(new Set(["2024-03-26"]));
  });

  it("skips an item without an id and keeps the rest", () => {
    const broken = STAT.replace('<guid isPermaLink="false">oai:arXiv.org:2403.15527v1</guid>', "")
      .replace("<link>https://arxiv.org/abs/2403.15527</link>", "<link>https://example.org/</link>")
      .replace("arXiv:2403.15527v1 Announce Type", "Announce Type");
    const r = parseArxivRss(broken, ctx);
    expect(r.papers).toHaveLength(122);
    expect(r.errors).toEqual([{ index: 0, id: "https://example.org/", message: expect.any(String) }]);
  });

  it.each([
    ["empty", "<dc:creator></dc:creator>"],
    ["blank", "<dc:creator>\n      </dc:creator>"],
    ["missing", ""],
    ["no name in it", "<dc:creator> , </dc:creator>"],
  ])("an item whose dc:creator is %s is an item error, not a paper with no authors", (_label, creator) => {
    const r = parseArxivRss(STAT.replace("<dc:creator>Matteo Gasparin, Aaditya Ramdas</dc:creator>", creator), ctx);
    expect(r.papers).toHaveLength(122);
    expect(r.papers.map((p) => p.arxivId)).not.toContain("2403.15527");
    expect(r.errors).toEqual([{ index: 0, id: "2403.15527", message: "no author names in the item (dc:creator or author)" }]);
  });

  it("an item left unclosed does not hide the items after it", () => {
    const r = parseArxivRss(STAT.replace("</item>", ""), ctx);
    expect(r.fatal).toBeUndefined();
    expect(r.errors).toEqual([]);
    expect(r.expected).toBe(123);
    expect(r.papers).toEqual(result.papers);
  });
});

describe("arxiv-rss: TeX accents in the stat feed's author names", () => {
  const result = parseArxivRss(readFixture("arxiv/rss-stat-2024-03-26.xml"), ctx);
  const authorsOf = (id: string) => result.papers.find((p) => p.arxivId === id)?.authors;

  it("are decoded, so a name reads (and is matched) as it is written", () => {
    expect(authorsOf("2403.16163")).toEqual(["Oren Wright", "Yorie Nakahira", "José M. F. Moura"]);
    expect(authorsOf("2403.16681")?.[0]).toBe("Borja Rodríguez-Gálvez");
    expect(authorsOf("2306.17667")?.[1]).toBe("Jakob Knollmüller");
    expect(authorsOf("2310.01327")?.[1]).toBe("Étienne Marcotte");
    expect(result.papers.flatMap((p) => p.authors).filter((name) => name.includes("\\"))).toEqual([]);
  });

  it("abstracts give their links as addresses a reader can copy, not as \\url{…} or \\href{…}{…}", () => {
    const abstracts = result.papers.map((p) => p.abstract);
    expect(abstracts.filter((a) => /\\(?:url|href)\b/.test(a))).toEqual([]);
    expect(abstracts.filter((a) => a.includes("https://github.com/v18nguye/GLAD"))).toHaveLength(1);
    expect(abstracts.filter((a) => a.includes("source code: https://github.com/kaist-silab/bootgen"))).toHaveLength(1);
  });
});

describe("arxiv-rss: quiet days", () => {
  it("a weekend channel without items is zero papers, no error, no fatal", () => {
    const result = parseArxivRss(WEEKEND, ctx);
    expect(result).toEqual({ source: "arxiv-rss", papers: [], errors: [], expected: 0 });
  });
});

describe("arxiv-rss: other feed flavours", () => {
  it("reads the Atom twin of the feed", () => {
    const result = parseArxivRss(RSS_ATOM, ctx);
    expect(result.errors).toEqual([]);
    expect(result.papers).toEqual([
      {
        arxivId: "2403.15527",
        version: 1,
        title: "Conformal online model aggregation",
        abstract: "Conformal prediction equips machine learning models with a reasonable notion of uncertainty.",
        authors: ["Matteo Gasparin", "Aaditya Ramdas"],
        listedOn: "2024-03-26",
        categories: ["stat.ML", "cs.LG"],
        primaryCategory: "stat.ML",
        announceType: "new",
      },
      expect.objectContaining({ arxivId: "2403.14050", version: 2, authors: ["Mahdi Rezapour"], announceType: "replace-cross" }),
    ]);
  });

  it("an Atom entry or a legacy RDF item with no author names is an item error too", () => {
    const atom = parseArxivRss(
      RSS_ATOM.replace(/<author>\s*<name>Matteo Gasparin<\/name>\s*<\/author>\s*<author>\s*<name>Aaditya Ramdas<\/name>\s*<\/author>/, ""),
      ctx,
    );
    expect(atom.papers.map((p) => p.arxivId)).toEqual(["2403.14050"]);
    expect(atom.errors).toEqual([{ index: 0, id: "2403.15527", message: "no author names in the item (dc:creator or author)" }]);
    const rdf = parseArxivRss(RSS_RDF.replace(/<dc:creator>[^<]*Richard Roe[^<]*<\/dc:creator>/, "<dc:creator></dc:creator>"), ctx);
    expect(rdf.papers).toHaveLength(2);
    expect(rdf.errors).toEqual([{ index: 1, id: expect.any(String), message: "no author names in the item (dc:creator or author)" }]);
  });

  it("reads the legacy RSS 1.0 (RDF) feed with HTML descriptions and linked authors", () => {
    const result = parseArxivRss(RSS_RDF, ctx);
    expect(result.errors).toEqual([]);
    expect(result.expected).toBe(3);
    expect(result.papers[0]).toEqual({
      arxivId: "2306.00001",
      version: 1,
      title: "Grounded Dialogue Generation with Retrieval",
      abstract: "We study grounded dialogue generation and show that retrieval helps. The model emits <eos> when done.",
      authors: ["John Smith", "Jane Doe"],
      // dc:date 2023-06-01T20:30-05:00 is 2023-06-02 in UTC.
      listedOn: "2023-06-02",
      categories: ["cs.CL"],
      primaryCategory: "cs.CL",
      announceType: "new",
    });
    expect(result.papers.map((p) => p.announceType)).toEqual(["new", "cross", "replace"]);
    expect(result.papers[2]).toMatchObject({ version: 3, title: "An Older Paper, Revised", authors: ["Edgar Poe", "Martin King, Jr."] });
  });
});

describe("arxiv-rss: legacy RDF captures of hep-ex (2018 and 2021)", () => {
  const y2018 = parseArxivRss(readFixture("arxiv/rdf-hep-ex-2018-05-23.xml"), ctx);
  const y2021 = parseArxivRss(readFixture("arxiv/rdf-hep-ex-2021-07-08.xml"), ctx);

  it("keeps every item", () => {
    for (const result of [y2018, y2021]) {
      expect(result.fatal).toBeUndefined();
      expect(result.errors).toEqual([]);
      expect(result.papers).toHaveLength(3);
      expect(result.expected).toBe(3);
    }
  });

  it('takes the linked names as the authors, leaving out a collaboration note and "et al. (N additional authors not shown)"', () => {
    expect(y2018.papers[0]?.authors).toEqual(["Christopher Dilks"]);
    expect(y2018.papers[2]?.authors.slice(0, 3)).toEqual(["Shu-Sheng Xu", "Zhu-Fang Cui", "Lei Chang"]);
    expect(y2021.papers[0]?.authors).toEqual(["LHCb collaboration", "R. Aaij"]);
  });

  it("reads a replacement whose primary category is not the feed's as replace-cross", () => {
    expect(y2018.papers.map((p) => [p.arxivId, p.primaryCategory, p.announceType])).toEqual([
      ["1805.08875", "hep-ex", "new"],
      ["1805.09166", "hep-ex", "cross"],
      ["1805.06430", "nucl-th", "replace-cross"],
    ]);
    expect(y2021.papers.map((p) => [p.arxivId, p.announceType])).toEqual([
      ["2107.03419", "new"],
      ["2106.00550", "cross"],
      ["2007.03939", "replace-cross"],
    ]);
  });
});

describe("arxiv-rss: unusable documents", () => {
  it.each([
    ["a feed cut in half", STAT.slice(0, Math.floor(STAT.length / 2)), /truncated/],
    ["malformed XML", "<rss><channel><item><title>x</ti", /truncated/],
    ["an HTML page", readFixture("arxiv/list-cs.CL-recent-2026-07-28.html"), /not an arXiv RSS\/Atom feed/],
    ["a JSON body", readFixture("hf/api-daily-papers-2026-06-12.json"), /^not an (?:XML|arXiv RSS\/Atom) feed/],
    ["plain text", "just some words", /not an XML feed/],
    ["an RSS document without a channel", "<rss version='2.0'></rss>", /no <channel>/],
    ["an arXiv API response (the arxiv-api source's)", readFixture("arxiv/api-2016-au-del-maestro.atom.xml"), /arXiv API response.*arxiv-api/],
  ])("%s is fatal", (_label, body, message) => {
    const result = parseArxivRss(body, ctx);
    expect(result.fatal).toMatch(message);
    expect(result.papers).toEqual([]);
  });
});
