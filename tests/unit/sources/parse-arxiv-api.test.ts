// arXiv API (Atom) parsing against the captured responses, including the empty and the error response.
import { describe, expect, it } from "vitest";
import { parseArxivApi } from "@/core/sources/parse-arxiv-api";
import { ctx, readFixture } from "./fixtures";
import { API_ERROR, RSS_ATOM } from "./samples/feeds";

const CS = readFixture("arxiv/api-cat-cs.AI-LG-2026-07-13.atom.xml");
const OLD = readFixture("arxiv/api-2016-au-del-maestro.atom.xml");
const EMPTY = readFixture("arxiv/api-empty-result.atom.xml");

describe("arxiv-api: cat:cs.AI OR cat:cs.LG (2026)", () => {
  const result = parseArxivApi(CS, ctx);

  it("keeps all 50 entries; expected is one page, totalResults the whole query", () => {
    expect(result.fatal).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.papers).toHaveLength(50);
    expect(result.expected).toBe(50);
    expect(result.totalResults).toBe(386601);
  });

  it("an entry with no author names (none listed, or only a letterless <name> :</name>) is an item error, not a paper with no authors", () => {
    const first = CS.slice(CS.indexOf("<entry>"), CS.indexOf("</entry>"));
    for (const authors of ["", "<author><name> :</name></author>"]) {
      const r = parseArxivApi(CS.replace(first, first.replace(/\s*<author>[\s\S]*<\/author>/, authors)), ctx);
      expect(r.papers).toHaveLength(49);
      expect(r.errors).toEqual([{ index: 0, id: "2607.09662", message: "no author names in the entry's <author> elements" }]);
    }
  });

  it("reads the first entry", () => {
    expect(result.papers[0]).toMatchObject({
      arxivId: "2607.09662",
      version: 1,
      title:
        "PHINN-EEG: Topological Time-Series Analysis of Dream-State EEG -- Dynamic Betti Curves for Dream Content Classification and Topology-Conditioned Neural Signal Synthesis",
      authors: ["Ren Takahashi", "Emre Yusuf", "Jayabrata Bhaduri"],
      listedOn: "2026-07-10",
      publishedAt: "2026-07-10T17:59:45.000Z",
      primaryCategory: "q-bio.NC",
      categories: ["q-bio.NC", "cs.AI", "cs.LG", "eess.SP", "math.AT"],
    });
    expect(result.papers[0]?.abstract.startsWith("Current electroencephalography (EEG)-based dream detection")).toBe(true);
    expect(result.papers[1]?.authors).toHaveLength(16);
    expect(result.papers[1]?.authors[0]).toBe("Yiming Zhang");
  });

  it("reads the last entry and 19 comment lines", () => {
    expect(result.papers.at(-1)).toMatchObject({
      arxivId: "2607.09417",
      title: "SVF-CR: Synchronized Visual-Facial Cross-Refinement for Multimodal Ambivalence and Hesitancy Recognition",
      primaryCategory: "cs.CV",
      listedOn: "2026-07-10",
    });
    expect(result.papers.at(-1)?.authors[0]).toBe("Hyein Park");
    expect(result.papers.filter((p) => p.comments !== undefined)).toHaveLength(19);
  });
});

describe("arxiv-api: 2016 response with old-style ids", () => {
  const result = parseArxivApi(OLD, ctx);

  it("keeps 10 entries of 31 results", () => {
    expect(result.errors).toEqual([]);
    expect(result.papers).toHaveLength(10);
    expect(result.totalResults).toBe(31);
    expect(result.expected).toBe(10);
  });

  it("an entry left unclosed does not hide the entries after it", () => {
    const r = parseArxivApi(OLD.replace("</entry>", ""), ctx);
    expect(r.fatal).toBeUndefined();
    expect(r.errors).toEqual([]);
    expect(r.papers).toEqual(result.papers);
  });

  it("reads the first entry and normalises the hard-wrapped summary", () => {
    expect(result.papers[0]).toMatchObject({
      arxivId: "1201.4869",
      version: 1,
      title: "A Luttinger Liquid Core Inside Helium-4 Filled Nanopores",
      authors: ["Adrian Del Maestro"],
      listedOn: "2012-01-23",
      primaryCategory: "cond-mat.mes-hall",
      categories: ["cond-mat.mes-hall", "cond-mat.other"],
      comments: "26 pages, 10 figures",
    });
    expect(result.papers[0]?.abstract).toMatch(/^As helium-4 is cooled below 2\.17 K it undergoes a phase transition to a fundamentally new/);
    expect(result.papers[0]?.abstract).not.toMatch(/\n|\s{2}/);
  });

  it("reads an old-style id and decodes escaped text", () => {
    expect(result.papers[1]).toMatchObject({
      arxivId: "cond-mat/0412498",
      version: 1,
      authors: ["Adrian Del Maestro", "Subir Sachdev"],
      listedOn: "2004-12-19",
      primaryCategory: "cond-mat.str-el",
    });
    expect(result.papers[1]?.abstract).toContain('"p x p" density wave ordering on the square lattice (p >= 3, integer)');
    expect(result.papers.filter((p) => (p.version ?? 1) > 1)).toHaveLength(4);
    expect(result.papers.at(-1)).toMatchObject({ arxivId: "0807.2873", authors: ["Adrian Del Maestro", "Bernd Rosenow", "Subir Sachdev"] });
  });
});

describe("arxiv-api: empty and error responses", () => {
  it("an empty result is zero papers and no error", () => {
    expect(parseArxivApi(EMPTY, ctx)).toEqual({ source: "arxiv-api", papers: [], errors: [], expected: 0, totalResults: 0 });
  });

  it("an API error feed is fatal with arXiv's message", () => {
    const result = parseArxivApi(API_ERROR, ctx);
    expect(result.fatal).toBe("arXiv API error: incorrect id format for 1234.12345");
    expect(result.papers).toEqual([]);
  });

  it("the Atom flavour of arXiv's daily feed is fatal, naming the arxiv-rss source that reads it", () => {
    const result = parseArxivApi(RSS_ATOM, ctx);
    expect(result.fatal).toMatch(/daily feed.*arxiv-rss/);
    expect(result.papers).toEqual([]);
  });

  it("an empty daily feed (a weekend's) is fatal too, told by the feed's own id", () => {
    const empty = RSS_ATOM.replace(/<entry>[\s\S]*<\/entry>/, "");
    expect(empty).not.toContain("<entry>");
    expect(parseArxivApi(empty, ctx)).toMatchObject({ papers: [], fatal: expect.stringMatching(/daily feed.*arxiv-rss/) });
  });

  it("reads an abstract's markup, which the API escapes once, as the feeds read it: tags go, character references are decoded", () => {
    // 2512.10786's own record, as arXiv's listing shows it: its abstract holds "&ndash;", "<sub>" and "<i>".
    const xml = CS.replace(
      /<summary>[^<]*<\/summary>/,
      "<summary>A semiconductor&amp;ndash;insulator junction of Bi&lt;sub&gt;2&lt;/sub&gt;O&lt;sub&gt;2&lt;/sub&gt;Se and a high-&lt;i&gt;&amp;kappa;&lt;/i&gt; oxide.</summary>",
    );
    expect(parseArxivApi(xml, ctx).papers[0]?.abstract).toBe("A semiconductor–insulator junction of Bi2O2Se and a high-κ oxide.");
  });

  it("takes the first GitHub repository its comment or abstract names as the code link", () => {
    const xml = CS.replace(/<summary>([^<]*)<\/summary>/, "<summary>$1 Code is available at https://github.com/example/phinn-eeg.</summary>");
    expect(parseArxivApi(xml, ctx).papers[0]?.githubUrl).toBe("https://github.com/example/phinn-eeg");
    expect(parseArxivApi(CS, ctx).papers[0]?.githubUrl).toBeUndefined();
  });

  it("keeps literal markup in titles as text", () => {
    const xml = CS.replace(
      "<title>Scalable Visual Pretraining for Language Intelligence</title>",
      "<title>Scalable &lt;script&gt;alert(1)&lt;/script&gt;\n   Pretraining &amp; More</title>",
    );
    expect(parseArxivApi(xml, ctx).papers[1]?.title).toBe("Scalable <script>alert(1)</script> Pretraining & More");
  });

  it("skips an entry whose id is not an arXiv URL and keeps the rest", () => {
    const xml = CS.replace("<id>http://arxiv.org/abs/2607.09657v1</id>", "<id>urn:nothing</id>").replace(
      /<link href="https:\/\/arxiv.org\/abs\/2607.09657v1"[^>]*\/>/,
      "",
    );
    const result = parseArxivApi(xml, ctx);
    expect(result.papers).toHaveLength(49);
    expect(result.errors).toEqual([{ index: 1, id: "urn:nothing", message: expect.any(String) }]);
  });

  it.each([
    ["a response cut in half", CS.slice(0, Math.floor(CS.length / 2)), /truncated/],
    ["an RSS feed", readFixture("arxiv/rss-cs.CL-2026-08-01-weekend-empty.xml"), /not an Atom feed/],
    ["a JSON body", "[1, 2, 3]", /not an Atom feed/],
    ["garbage", "\u0000\u0001 not xml at all <<<", /not an Atom feed/],
  ])("%s is fatal", (_label, body, message) => {
    const result = parseArxivApi(body, ctx);
    expect(result.fatal).toMatch(message);
    expect(result.papers).toEqual([]);
  });
});

describe("arxiv-api: fields arXiv's own data gets wrong", () => {
  it("keeps only arXiv categories: an entry's MSC and ACM class terms are not categories", () => {
    const entry = (terms: string[]) => `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">
  <opensearch:totalResults>1</opensearch:totalResults>
  <entry>
    <id>http://arxiv.org/abs/1802.03292v1</id>
    <updated>2018-02-09T14:40:33Z</updated>
    <published>2018-02-09T14:40:33Z</published>
    <title>Some logic</title>
    <summary>An abstract.</summary>
    <author><name>A. Person</name></author>
    <arxiv:primary_category term="${terms[0]}" scheme="http://arxiv.org/schemas/atom"/>
    ${terms.map((t) => `<category term="${t}" scheme="http://arxiv.org/schemas/atom"/>`).join("\n    ")}
  </entry>
</feed>`;
    const [paper] = parseArxivApi(entry(["cs.LO", "03B70, 68Q99", "F.4.1; F.4.m; K.2"]), ctx).papers;
    expect([paper?.primaryCategory, paper?.categories]).toEqual(["cs.LO", ["cs.LO"]]);
    // A primary term that is no category leaves the first real one as the primary.
    const [odd] = parseArxivApi(entry(["68Q99", "math.LO"]), ctx).papers;
    expect([odd?.primaryCategory, odd?.categories]).toEqual(["math.LO", ["math.LO"]]);
  });

  it("decodes TeX in an abstract (1601.00001, a 2020 response: Landauer-Büttiker written with a TeX umlaut)", () => {
    const result = parseArxivApi(readFixture("arxiv/api-id_list-1601.00001-2020.atom.xml"), ctx);
    expect([result.papers.length, result.errors, result.expected]).toEqual([1, [], 1]);
    const [paper] = result.papers;
    expect(paper?.arxivId).toBe("1601.00001");
    expect(paper?.abstract).toContain("Landauer-Büttiker probe formalism");
    expect(paper?.abstract).not.toContain("\\");
  });

  it("drops an author name that is only punctuation (2607.09424's `<name> :</name>`)", () => {
    const paper = parseArxivApi(CS, ctx).papers.find((p) => p.arxivId === "2607.09424");
    expect(paper?.authors.length).toBeGreaterThan(10);
    expect(paper?.authors.filter((name) => !/\p{L}/u.test(name))).toEqual([]);
  });
});

describe("arxiv-api: links a paper's text writes", () => {
  it.each([
    ["Project page: https://example.org/phinn/.", "https://example.org/phinn/"],
    ["Our project website is at https://phinn.github.io", "https://phinn.github.io"],
    ["Homepage: http://example.org/p?a=1", "http://example.org/p?a=1"],
    ["Accepted at NeurIPS. Code: https://github.com/a/b", undefined],
  ])("%s", (comment, projectUrl) => {
    const xml = CS.replace(/<\/summary>/, `</summary><arxiv:comment>${comment}</arxiv:comment>`);
    expect(parseArxivApi(xml, ctx).papers[0]?.projectUrl).toBe(projectUrl);
  });
});
