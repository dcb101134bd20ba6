import { describe, expect, it } from "vitest";
import { changedFields, mergePaper, recordFromIncoming, type TIncomingPaper } from "../../../src/core/ingest/merge-paper";

const hf: TIncomingPaper = {
  arxivId: "2605.01234",
  titleKey: "a paper",
  title: "A Paper",
  abstract: "An abstract.",
  authors: ["Ann", "Bo"],
  listedOn: "2026-05-08",
  upvotes: 10,
  githubUrl: "https://github.com/a/b",
  githubStars: 100,
  categories: ["cs.CL"],
};

describe("mergePaper", () => {
  const stored = recordFromIncoming(hf, "hf-daily");

  it("changes nothing when the same listing arrives again", () => {
    expect(changedFields(stored, mergePaper(stored, hf, "hf-daily"))).toEqual([]);
  });

  it("takes the latest metrics and unions categories and sources", () => {
    const merged = mergePaper(stored, { ...hf, upvotes: 12, githubStars: 150, categories: ["cs.LG"] }, "arxiv-api");
    expect(merged).toMatchObject({ upvotes: 12, githubStars: 150, categories: ["cs.CL", "cs.LG"], sources: ["hf-daily", "arxiv-api"] });
  });

  it("never blanks a known field", () => {
    const sparse: TIncomingPaper = { arxivId: hf.arxivId, titleKey: hf.titleKey, title: hf.title, abstract: "", authors: [], listedOn: "2026-05-06" };
    const merged = mergePaper(stored, sparse, "arxiv-list");
    expect(merged).toMatchObject({
      abstract: "An abstract.",
      authors: ["Ann", "Bo"],
      githubUrl: "https://github.com/a/b",
      githubStars: 100,
      upvotes: 10,
      listedOn: "2026-05-08",
    });
  });

  it("moves the listing day to the Hugging Face day when arXiv listed it first", () => {
    const fromArxiv = recordFromIncoming({ ...hf, listedOn: "2026-05-06", upvotes: undefined }, "arxiv-rss");
    expect(mergePaper(fromArxiv, hf, "hf-daily").listedOn).toBe("2026-05-08");
    const again = mergePaper(mergePaper(fromArxiv, hf, "hf-daily"), { ...hf, listedOn: "2026-05-09" }, "hf-page");
    expect(again.listedOn).toBe("2026-05-08");
  });

  it("re-applies admin overrides over every later listing", () => {
    const merged = mergePaper(stored, { ...hf, title: "A Paper (v2)" }, "hf-daily", { title: "A Paper, fixed" });
    expect(merged.title).toBe("A Paper, fixed");
  });
});
