// Hugging Face HTML pages: the captured Daily Papers page, trending and single-paper shapes, broken pages.
import { describe, expect, it } from "vitest";
import { parseHfPage } from "@/core/sources/parse-hf-page";
import { ctx, readFixture } from "./fixtures";

const PAGE = readFixture("hf/daily-page-2024-08-01.html");

function escapeAttr(json: unknown, quote: '"' | "'" = '"'): string {
  const text = JSON.stringify(json).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return quote === '"' ? text.replace(/"/g, "&quot;") : text.replace(/'/g, "&#39;");
}

describe("hf-page: Daily Papers page of 2024-08-01", () => {
  const result = parseHfPage(PAGE, ctx);

  it("keeps all 13 papers and states 13 expected", () => {
    expect(result.fatal).toBeUndefined();
    expect(result.errors).toEqual([]);
    expect(result.papers).toHaveLength(13);
    expect(result.expected).toBe(13);
  });

  it("reads the first paper", () => {
    const first = result.papers[0];
    expect(first).toMatchObject({
      arxivId: "2407.21783",
      title: "The Llama 3 Herd of Models",
      listedOn: "2024-08-01",
      publishedAt: "2024-07-31T17:54:27.000Z",
      upvotes: 94,
      numComments: 5,
      thumbnailUrl: "https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2407.21783.png",
    });
    expect(first?.authors).toHaveLength(533);
    expect(first?.authors[0]).toBe("Abhimanyu Dubey");
    expect(first?.githubUrl).toBeUndefined();
  });

  it("reads the last paper, whose title is hard-wrapped in the source", () => {
    const last = result.papers.at(-1);
    expect(last?.arxivId).toBe("2404.01300");
    expect(last?.title).toBe("NeRF-MAE: Masked AutoEncoders for Self-Supervised 3D Representation Learning for Neural Radiance Fields");
    expect(last?.authors).toHaveLength(6);
    expect(last?.authors[0]).toBe("Muhammad Zubair Irshad");
    expect(last?.upvotes).toBe(3);
    // arXiv published it in April; it was on Daily Papers on the page's date.
    expect(last?.publishedAt).toBe("2024-04-01T17:59:55.000Z");
    expect(last?.listedOn).toBe("2024-08-01");
  });

  it("lists every paper on the page's date and normalises whitespace", () => {
    expect(new Set(result.papers.map((p) => p.listedOn))).toEqual(new Set(["2024-08-01"]));
    expect(result.papers[2]?.title).toBe("MoMa: Efficient Early-Fusion Pre-training with Mixture of Modality-Aware Experts");
  });
});

describe("hf-page: other page shapes", () => {
  const item = {
    paper: {
      id: "2501.12948",
      title: "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning",
      summary: "We introduce our first-generation reasoning models.",
      authors: [{ name: "DeepSeek-AI" }],
      publishedAt: "2025-01-22T15:19:35.000Z",
      upvotes: 312,
      githubRepo: "https://github.com/deepseek-ai/DeepSeek-R1",
      githubStars: 90000,
    },
    numComments: 9,
  };

  it("reads a trending list under another component name and key, single-quoted, attributes in any order", () => {
    const html = `<html><body><div data-props='${escapeAttr({ trendingPapers: [item] }, "'")}' class="SVELTE_HYDRATER contents" data-target="TrendingPapers"></div></body></html>`;
    const result = parseHfPage(html, ctx);
    expect(result.fatal).toBeUndefined();
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]).toMatchObject({ arxivId: "2501.12948", upvotes: 312, githubStars: 90000, listedOn: "2025-01-22" });
  });

  it("reads a single paper page", () => {
    const props = { paper: { ...item.paper, submittedOnDailyAt: "2025-01-23T01:00:00.000Z" }, comments: [{ id: "c1", author: {} }], canSubmit: false };
    const html = `<main><div class="SVELTE_HYDRATER contents" data-target="PaperContent" data-props="${escapeAttr(props)}"></div></main>`;
    const result = parseHfPage(html, ctx);
    expect(result.papers).toHaveLength(1);
    expect(result.papers[0]).toMatchObject({ arxivId: "2501.12948", listedOn: "2025-01-23", githubUrl: "https://github.com/deepseek-ai/DeepSeek-R1" });
  });

  it("takes a period page's day from its dateString, as today's pages write it, and never a week or month from it", () => {
    // Today's period pages: { periodType, dateString, dailyPapers, prevDate, … } with no `date`; an item may carry no submittedOnDailyAt.
    const page = (props: Record<string, unknown>) => `<div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${escapeAttr(props)}"></div>`;
    const day = parseHfPage(page({ periodType: "day", dateString: "2025-01-24", prevDate: "2025-01-23", dailyPapers: [item] }), ctx);
    expect(day.papers.map((p) => p.listedOn)).toEqual(["2025-01-24"]);
    for (const dateString of ["2025-W04", "2025-01"]) {
      const period = parseHfPage(page({ periodType: dateString.includes("W") ? "week" : "month", dateString, dailyPapers: [item] }), ctx);
      expect(
        period.papers.map((p) => p.listedOn),
        dateString,
      ).toEqual(["2025-01-22"]);
    }
  });

  it("treats a Daily Papers page with no papers as a quiet day", () => {
    const html = `<div data-target="DailyPapers" data-props="${escapeAttr({ date: "2024-08-03T00:00:00.000Z", dailyPapers: [] })}"></div>`;
    expect(parseHfPage(html, ctx)).toEqual({ source: "hf-page", papers: [], errors: [], expected: 0 });
  });

  it("skips a malformed item and keeps the good ones", () => {
    const html = `<div data-target="DailyPapers" data-props="${escapeAttr({ date: "2024-08-01T00:00:00.000Z", dailyPapers: [item, { paper: { id: 42, title: "" } }, item] })}"></div>`;
    const result = parseHfPage(html, ctx);
    expect(result.papers).toHaveLength(2);
    expect(result.errors).toEqual([{ index: 1, id: "42", message: expect.any(String) }]);
    expect(result.papers[0]?.listedOn).toBe("2024-08-01");
  });
});

describe("hf-page: unusable documents", () => {
  it.each([
    ["a JSON body (wrong document type)", readFixture("hf/api-daily-papers-2026-05-08.json")],
    ["an arXiv listing", readFixture("arxiv/list-cs.CL-recent-2026-07-28.html")],
    ["an empty body", ""],
  ])("%s is fatal: no papers component", (_label, body) => {
    const result = parseHfPage(body, ctx);
    expect(result.fatal).toBe("no papers component found (format changed?)");
    expect(result.papers).toEqual([]);
  });

  it("a page cut in half is fatal", () => {
    const result = parseHfPage(PAGE.slice(0, Math.floor(PAGE.length / 2)), ctx);
    expect(result.fatal).toMatch(/DailyPapers/);
    expect(result.papers).toEqual([]);
  });

  it("broken JSON in the papers component is fatal", () => {
    const result = parseHfPage(`<div data-target="DailyPapers" data-props="{&quot;dailyPapers&quot;:[{"></div>`, ctx);
    expect(result.fatal).toMatch(/not valid JSON/);
  });
});
