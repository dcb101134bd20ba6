// Hugging Face daily-papers API parsing against two captured days, and its failure modes.
import { describe, expect, it } from "vitest";
import { parseHfDaily } from "@/core/sources/parse-hf-daily";
import { ctx, readFixture } from "./fixtures";

const MAY = readFixture("hf/api-daily-papers-2026-05-08.json");
const JUNE = readFixture("hf/api-daily-papers-2026-06-12.json");

describe("hf-daily: API capture of August 2026, items of three days, TeX escapes in a title and abstracts", () => {
  const result = parseHfDaily(readFixture("hf/api-papers-2026-08-three-days.json"), ctx);

  it("keeps all 3 items, each on its own Daily Papers day", () => {
    expect([result.papers.length, result.errors, result.expected]).toEqual([3, [], 3]);
    expect(result.papers.map((p) => p.listedOn).sort()).toEqual(["2026-08-11", "2026-08-17", "2026-08-18"]);
  });

  it("shows a title's and an abstract's escaped dollar and percent signs as the signs", () => {
    const statem = result.papers.find((p) => p.title.startsWith("StateM"));
    expect(statem?.title).toBe("StateM: Reaching 95.3% Raw Accuracy, or a $15 Frontier Run, on Terminal-Bench 2.1 via Harness Scaling");
    expect(result.papers.map((p) => p.abstract).join(" ")).not.toMatch(/\\[%$]/);
  });

  it("keeps non-ASCII author names as written", () => {
    expect(result.papers.flatMap((p) => p.authors)).toContain("Przemysław Uznański");
  });
});

describe("hf-daily: API capture of 2026-05-08", () => {
  const result = parseHfDaily(MAY, ctx);

  it("keeps all 37 items and states 37 expected", () => {
    expect(result.fatal).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.papers).toHaveLength(37);
    expect(result.expected).toBe(37);
    expect(result.source).toBe("hf-daily");
  });

  it("reads the first item fully", () => {
    const first = result.papers[0];
    expect(first).toMatchObject({
      arxivId: "2605.05242",
      title: "Beyond Semantic Similarity: Rethinking Retrieval for Agentic Search via Direct Corpus Interaction",
      listedOn: "2026-05-08",
      upvotes: 86,
      numComments: 3,
      githubUrl: "https://github.com/DCI-Agent/DCI-Agent-Lite",
      githubStars: 101,
      thumbnailUrl: "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2605.05242.png",
    });
    expect(first?.authors).toHaveLength(19);
    expect(first?.authors[0]).toBe("Zhuofeng Li");
    expect(first?.abstract.startsWith("Modern retrieval systems, whether lexical or semantic")).toBe(true);
    expect(first?.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(first?.aiSummary?.length).toBeGreaterThan(0);
    expect(first?.keywords?.length).toBeGreaterThan(0);
  });

  it("reads the last item", () => {
    const last = result.papers.at(-1);
    expect(last?.arxivId).toBe("2602.00095");
    expect(last?.title).toBe("EDU-CIRCUIT-HW: Evaluating Multimodal Large Language Models on Real-World University-Level STEM Student Handwritten Solutions");
    expect(last?.authors).toHaveLength(6);
    expect(last?.authors[0]).toBe("Weiyu Sun");
    expect(last?.githubUrl).toBe("https://github.com/gt-learning-innovation/CIRCUIT_EDU_HW_ACL");
    expect(last?.githubStars).toBe(4);
    expect(last?.projectUrl).toBe("https://gt-learning-innovation.github.io/CIRCUIT_EDU_HW_ACL");
  });

  it("lists every item on its Daily Papers day and carries 20 GitHub repos, and one more its abstract names", () => {
    expect(new Set(result.papers.map((p) => p.listedOn))).toEqual(new Set(["2026-05-08"]));
    expect(result.papers.filter((p) => p.githubUrl !== undefined)).toHaveLength(21);
    expect(result.papers.filter((p) => p.githubStars !== undefined)).toHaveLength(20);
    // No githubRepo in the capture; its summary ends "The code is available at https://github.com/sotaagi/EnergyFlow."
    expect(result.papers.find((p) => p.arxivId === "2605.00623")).toMatchObject({ githubUrl: "https://github.com/sotaagi/EnergyFlow" });
    expect(result.papers.find((p) => p.arxivId === "2605.00623")?.githubStars).toBeUndefined();
  });
});

describe("hf-daily: organizations", () => {
  const result = parseHfDaily(MAY, ctx);

  it("stores the organization's display name (its full name) for the 23 items that name one", () => {
    expect(result.papers.slice(0, 4).map((p) => p.organization)).toEqual(["TIGER-Lab", "ByteDance Seed", undefined, "Tencent"]);
    expect(result.papers.filter((p) => p.organization !== undefined)).toHaveLength(23);
  });

  it("reads it from the item when the paper does not carry it, and falls back to its handle", () => {
    const items = JSON.parse(MAY) as { paper: Record<string, unknown>; organization?: Record<string, unknown> }[];
    const [first, second] = items;
    delete first!.paper.organization;
    second!.paper.organization = { name: "ByteDance-Seed" };
    delete second!.organization;
    const papers = parseHfDaily(JSON.stringify([first, second]), ctx).papers;
    expect(papers.map((p) => p.organization)).toEqual(["TIGER-Lab", "ByteDance-Seed"]);
  });
});

describe("hf-daily: API capture of 2026-06-12", () => {
  const result = parseHfDaily(JUNE, ctx);

  it("keeps all 30 items", () => {
    expect(result.papers).toHaveLength(30);
    expect(result.expected).toBe(30);
    expect(result.errors).toEqual([]);
  });

  it("reads first and last items", () => {
    expect(result.papers[0]).toMatchObject({
      arxivId: "2606.00467",
      title: "On the Limits of LLM Adaptability: Impact of Model-Internalized Priors on Annotation Task Performance",
      listedOn: "2026-06-12",
      upvotes: 0,
      numComments: 2,
      publishedAt: "2026-05-30T00:00:00.000Z",
    });
    expect(result.papers[0]?.authors).toEqual(["Etienne Casanova", "Rafal Kocielnik", expect.any(String)]);
    expect(result.papers[0]?.githubUrl).toBeUndefined();
    expect(result.papers.at(-1)?.arxivId).toBe("2606.13106");
    expect(result.papers.at(-1)?.authors).toHaveLength(9);
    expect(result.papers.at(-1)?.authors[0]).toBe("Jiayu Yang");
    // 16 githubRepo fields, and 2606.12488's summary: "Code at https://github.com/miccunifi/iamcl2r."
    expect(result.papers.filter((p) => p.githubUrl !== undefined)).toHaveLength(17);
  });

  it("keeps authors flagged hidden (the flag only hides the paper from their HF profile)", () => {
    const paper = result.papers.find((p) => p.arxivId === "2606.12575");
    expect(paper?.authors).toHaveLength(10);
    expect(paper?.authors[3]).toBe("Dengyang Jiang");
  });

  it("keeps model tokens such as <swi> in an abstract as text", () => {
    const paper = result.papers.find((p) => p.arxivId === "2606.13106");
    expect(paper?.abstract).toContain("The model emits <swi> to enter latent mode and </swi> to exit.");
  });
});

describe("hf-daily: robustness", () => {
  const items = JSON.parse(MAY) as Record<string, unknown>[];

  it("keeps an item whose text holds a lone UTF-16 surrogate (a truncated emoji escape), with U+FFFD in its place", () => {
    // PostgreSQL's JSON refused the run's whole batch over one such string: the run failed with 0 papers and a driver message.
    const body = JSON.stringify(items.slice(0, 4)).replace('"title":"', '"title":"Emoji \\ud83d cut ');
    expect(body).toContain("\\ud83d cut");
    const result = parseHfDaily(body, ctx);
    expect([result.papers.length, result.errors]).toEqual([4, []]);
    const title = result.papers[0]!.title;
    expect(title.startsWith("Emoji \uFFFD cut ")).toBe(true);
    expect(result.papers.flatMap((p) => [p.title, p.abstract, ...p.authors]).every((text) => text.isWellFormed())).toBe(true);
  });

  it("skips a malformed item with an error and keeps the rest", () => {
    const broken = [...items.slice(0, 3), { paper: { id: "not-an-id", title: "x" } }, { paper: { title: "no id" } }, ...items.slice(3, 5)];
    const result = parseHfDaily(JSON.stringify(broken), ctx);
    expect(result.papers).toHaveLength(5);
    expect(result.expected).toBe(7);
    expect(result.errors).toHaveLength(2);
    expect(result.errors[0]).toMatchObject({ index: 3, id: "not-an-id" });
    expect(result.errors[1]).toMatchObject({ index: 4 });
    expect(result.fatal).toBeUndefined();
  });

  it("decodes entities, strips markup and normalises whitespace in JSON strings", () => {
    const item = {
      paper: {
        id: "2501.00001",
        title: "  Attacks with &lt;script&gt; tags:\n  a <i>study</i> &amp; more ",
        summary: "<p>First.</p><p>Second &quot;quoted&quot;.</p>",
        authors: [{ name: " Ada\n Lovelace " }, { name: "" }, { name: "Alan Turing", hidden: true }],
        publishedAt: "2025-01-01T10:00:00.000Z",
        submittedOnDailyAt: "2025-01-02T23:30:00.000Z",
        upvotes: "12",
        githubRepo: "github.com/foo/bar.git",
        githubStars: -3,
        projectPage: "foo.github.io/bar",
      },
      numComments: 1,
      thumbnail: "/thumbs/x.png",
    };
    const result = parseHfDaily(JSON.stringify([item]), ctx);
    expect(result.errors).toEqual([]);
    expect(result.papers[0]).toEqual({
      arxivId: "2501.00001",
      title: "Attacks with <script> tags: a study & more",
      abstract: 'First. Second "quoted".',
      authors: ["Ada Lovelace", "Alan Turing"],
      listedOn: "2025-01-02",
      publishedAt: "2025-01-01T10:00:00.000Z",
      upvotes: 12,
      githubUrl: "https://github.com/foo/bar",
      projectUrl: "https://foo.github.io/bar",
      thumbnailUrl: "https://huggingface.co/thumbs/x.png",
      numComments: 1,
    });
  });

  it("falls back to publishedAt for the listing day when submittedOnDailyAt is missing", () => {
    const item = {
      paper: { id: "2501.00002", title: "Some Title Here", summary: "", authors: [], publishedAt: "2025-01-01T23:59:00Z" },
      publishedAt: "2025-01-03T01:00:00Z",
    };
    expect(parseHfDaily(JSON.stringify([item]), ctx).papers[0]?.listedOn).toBe("2025-01-03");
  });

  it("accepts a { papers: [...] } wrapper and unwrapped paper objects", () => {
    const flat = { id: "2501.00003", title: "Flat Paper Object", summary: "s", authors: [{ name: "A B" }], publishedAt: "2025-01-05T00:00:00Z" };
    const result = parseHfDaily(JSON.stringify({ papers: [flat] }), ctx);
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]?.arxivId).toBe("2501.00003");
  });

  it("treats an empty array as an empty day", () => {
    expect(parseHfDaily("[]", ctx)).toEqual({ source: "hf-daily", papers: [], errors: [], expected: 0 });
  });

  it.each([
    ["malformed JSON", '[{"paper": '],
    ["truncated capture", MAY.slice(0, Math.floor(MAY.length / 2))],
    ["a JSON object that is not a list", '{"error":"Invalid date"}'],
    ["an HTML page", readFixture("hf/daily-page-2024-08-01.html")],
    ["an empty body", ""],
  ])("reports %s as fatal without throwing", (_label, body) => {
    const result = parseHfDaily(body, ctx);
    expect(result.fatal).toEqual(expect.any(String));
    expect(result.papers).toEqual([]);
  });
});
