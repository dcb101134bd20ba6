// The dispatcher: every source id has a parser, and each parser rejects the other sources' documents.
import { describe, expect, it } from "vitest";
import { PARSERS, SOURCE_IDS, ZParseResult, ZSourceId, parseListing } from "@/core/sources";
import { ctx, readFixture } from "./fixtures";

const FIXTURES: Record<string, string> = {
  "hf-daily": "hf/api-daily-papers-2026-05-08.json",
  "hf-page": "hf/daily-page-2024-08-01.html",
  "arxiv-list": "arxiv/list-cs.CL-recent-2026-07-28.html",
  "arxiv-rss": "arxiv/rss-stat-2024-03-26.xml",
  "arxiv-api": "arxiv/api-2016-au-del-maestro.atom.xml",
};

describe("sources: parseListing", () => {
  it("knows every source id", () => {
    expect(SOURCE_IDS).toEqual(["hf-daily", "hf-page", "arxiv-list", "arxiv-rss", "arxiv-api", "text"]);
    expect(ZSourceId.safeParse("arxiv-rss").success).toBe(true);
    expect(ZSourceId.safeParse("rss").success).toBe(false);
    expect(Object.keys(PARSERS).sort()).toEqual([...SOURCE_IDS].sort());
  });

  it.each(Object.entries(FIXTURES))("dispatches %s to its parser", (source, file) => {
    const result = parseListing(ZSourceId.parse(source), readFixture(file), ctx);
    expect(result.source).toBe(source);
    expect(result.fatal).toBeUndefined();
    expect(result.papers.length).toBeGreaterThan(0);
    expect(ZParseResult.safeParse(result).success).toBe(true);
  });

  it.each(Object.entries(FIXTURES))("%s rejects the other sources' documents as fatal", (source, file) => {
    for (const [other, otherFile] of Object.entries(FIXTURES)) {
      if (other === source || (source.startsWith("arxiv-") && other.startsWith("arxiv-") && other !== "arxiv-list" && source !== "arxiv-list")) continue;
      const result = parseListing(ZSourceId.parse(source), readFixture(otherFile), ctx);
      expect(result.fatal, `${source} fed ${other} (${file} vs ${otherFile})`).toEqual(expect.any(String));
      expect(result.papers).toEqual([]);
    }
  });

  it("never throws on non-string input or a bad clock", () => {
    const bogus = 42 as unknown as string;
    for (const source of SOURCE_IDS) {
      expect(parseListing(source, bogus, ctx).fatal).toBe("body is not a string");
      expect(parseListing(source, "x", { now: new Date(Number.NaN) }).fatal).toMatch(/ctx.now/);
    }
  });
});
