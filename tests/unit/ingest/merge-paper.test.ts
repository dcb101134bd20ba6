// How an incoming listing updates a stored paper: no known field blanked, admin overrides re-applied, and counts taken from the newer reading only.
import { describe, expect, it } from "vitest";
import { changedFields, mergePaper, readingDiffers, recordFromIncoming, type TIncomingPaper } from "../../../src/core/ingest/merge-paper";

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

const t1 = "2026-05-08T10:00:00.000Z";
const t2 = "2026-05-08T11:00:00.000Z";
const t3 = "2026-05-08T12:00:00.000Z";

describe("mergePaper", () => {
  const stored = recordFromIncoming(hf, "hf-daily", t2);

  it("changes nothing when the same listing arrives again", () => {
    expect(changedFields(stored, mergePaper(stored, hf, "hf-daily", t3))).toEqual([]);
  });

  it("takes the latest metrics and unions categories and sources", () => {
    const merged = mergePaper(stored, { ...hf, upvotes: 12, githubStars: 150, categories: ["cs.LG"] }, "arxiv-api", t3);
    expect(merged).toMatchObject({
      upvotes: 12,
      githubStars: 150,
      metricsObservedAt: t3,
      categories: ["cs.CL", "cs.LG"],
      sources: ["hf-daily", "arxiv-api"],
    });
  });

  it("never blanks a known field", () => {
    const sparse: TIncomingPaper = { arxivId: hf.arxivId, titleKey: hf.titleKey, title: hf.title, abstract: "", authors: [], listedOn: "2026-05-06" };
    const merged = mergePaper(stored, sparse, "arxiv-list", t3);
    expect(merged).toMatchObject({
      abstract: "An abstract.",
      authors: ["Ann", "Bo"],
      githubUrl: "https://github.com/a/b",
      githubStars: 100,
      upvotes: 10,
      metricsObservedAt: t2,
      listedOn: "2026-05-08",
    });
  });

  it("moves the listing day to the Hugging Face day when arXiv listed it first", () => {
    const fromArxiv = recordFromIncoming({ ...hf, listedOn: "2026-05-06", upvotes: undefined }, "arxiv-rss", t1);
    expect(mergePaper(fromArxiv, hf, "hf-daily", t2).listedOn).toBe("2026-05-08");
    const again = mergePaper(mergePaper(fromArxiv, hf, "hf-daily", t2), { ...hf, listedOn: "2026-05-09" }, "hf-page", t3);
    expect(again.listedOn).toBe("2026-05-08");
  });

  it("a code link from arXiv's text fills a gap but never replaces one Hugging Face set; Hugging Face's replaces arXiv's", () => {
    const other = "https://github.com/someone/baseline";
    expect(mergePaper(stored, { ...hf, githubUrl: other }, "arxiv-list", t3).githubUrl).toBe("https://github.com/a/b");
    const fromArxiv = recordFromIncoming({ ...hf, githubUrl: other, githubStars: undefined }, "arxiv-rss", t1);
    expect(fromArxiv.githubUrl).toBe(other);
    expect(mergePaper(fromArxiv, hf, "hf-daily", t2).githubUrl).toBe("https://github.com/a/b");
    const withoutLink = recordFromIncoming({ ...hf, githubUrl: undefined, githubStars: undefined }, "hf-daily", t1);
    expect(mergePaper(withoutLink, { ...hf, githubUrl: other }, "arxiv-api", t2).githubUrl).toBe(other);
    // A project page the same way.
    const page = recordFromIncoming({ ...hf, projectUrl: "https://hf-set.example/" }, "hf-daily", t1);
    expect(mergePaper(page, { ...hf, projectUrl: "https://written.example/" }, "arxiv-list", t2).projectUrl).toBe("https://hf-set.example/");
  });

  it("re-applies admin overrides over every later listing", () => {
    const merged = mergePaper(stored, { ...hf, title: "A Paper (v2)" }, "hf-daily", t3, { title: "A Paper, fixed" });
    expect(merged.title).toBe("A Paper, fixed");
  });
});

describe("metrics from readings taken at different times", () => {
  const stored = recordFromIncoming({ ...hf, numComments: 3 }, "hf-page", t2);

  it("a reading older than the stored one leaves the counts alone, but its other fields still merge", () => {
    const older = mergePaper(stored, { ...hf, upvotes: 8, githubStars: 90, numComments: 1, aiSummary: "Short." }, "hf-daily", t1);
    expect(older).toMatchObject({
      upvotes: 10,
      githubStars: 100,
      numComments: 3,
      metricsObservedAt: t2,
      aiSummary: "Short.",
      sources: ["hf-page", "hf-daily"],
    });
  });

  it("a newer reading replaces them and dates them", () => {
    expect(mergePaper(stored, { ...hf, upvotes: 11 }, "hf-daily", t3)).toMatchObject({ upvotes: 11, githubStars: 100, numComments: 3, metricsObservedAt: t3 });
  });

  it("a newer reading of the same counts changes nothing, so an identical re-run writes nothing", () => {
    expect(changedFields(stored, mergePaper(stored, { ...hf, numComments: 3 }, "hf-page", t3))).toEqual([]);
  });

  it("a listing without counts neither dates nor changes them", () => {
    const arxiv = recordFromIncoming({ ...hf, upvotes: undefined, githubStars: undefined }, "arxiv-rss", t1);
    expect(arxiv.metricsObservedAt).toBeNull();
    expect(mergePaper(stored, { ...hf, upvotes: undefined, githubStars: undefined }, "arxiv-rss", t3)).toMatchObject({ upvotes: 10, metricsObservedAt: t2 });
  });

  it("every reading that differs from the stored counts goes into the history, however old", () => {
    expect(readingDiffers(null, hf)).toBe(true);
    expect(readingDiffers(stored, { ...hf, upvotes: 8 })).toBe(true);
    expect(readingDiffers(stored, hf)).toBe(false);
    expect(readingDiffers(stored, { ...hf, upvotes: undefined, githubStars: undefined, numComments: 9 })).toBe(false);
  });
});
