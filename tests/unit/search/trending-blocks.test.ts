// Trending bands as index blocks: a band of keys is covered exactly, by few blocks, and keys order papers as their scores do.
import { describe, expect, it } from "vitest";
import { BLOCK_LEVELS, trendingBlocks, trendingKey } from "@/core/search/trending-blocks";

/** The blocks a paper with `key` is indexed under, as paper_trending_blocks stores them. */
function paperBlocks(key: number): number[] {
  return Array.from({ length: BLOCK_LEVELS }, (_, level) => level * 2 ** 24 + Math.floor(key / 4 ** level));
}

function covers(blocks: number[], key: number): boolean {
  const own = new Set(paperBlocks(key));
  return blocks.some((b) => own.has(b));
}

describe("trendingKey", () => {
  it("gives a more trending paper a smaller key, one key per score unit", () => {
    expect(trendingKey(20_400.5)).toBe(12_367);
    expect(trendingKey(20_400.99)).toBe(12_367);
    expect(trendingKey(20_401)).toBe(12_367);
    expect(trendingKey(20_401.01)).toBe(12_366);
    expect(trendingKey(20_500)).toBeLessThan(trendingKey(20_400));
  });

  it("keeps scores outside the layout at its ends instead of wrapping", () => {
    expect(trendingKey(40_000)).toBe(0);
    expect(trendingKey(-1e12)).toBe(2 ** 24 - 1);
  });
});

describe("trendingBlocks", () => {
  const bands: [number, number][] = [
    [0, 1],
    [0, 12_000],
    [12_366, 12_370],
    [12_000, 12_367],
    [1, 16_384 * 2 + 5],
    [12_345, 12_345],
    [31_000, 32_768],
  ];

  it.each(bands)("covers exactly the keys [%i, %i)", (lo, hi) => {
    const blocks = trendingBlocks(lo, hi);
    for (let key = Math.max(0, lo - 300); key < hi + 300; key += 1) {
      expect(covers(blocks, key), `key ${key}`).toBe(key >= lo && key < hi);
    }
  });

  it("needs few blocks: at most three per level on each side of the largest", () => {
    expect(trendingBlocks(0, 12_000).length).toBeLessThanOrEqual(2 * 3 * BLOCK_LEVELS);
    expect(trendingBlocks(12_001, 14_999).length).toBeLessThanOrEqual(2 * 3 * BLOCK_LEVELS);
    expect(trendingBlocks(12_288, 12_288 + 4_096)).toEqual([6 * 2 ** 24 + 3]);
  });

  it("is empty for an empty band", () => {
    expect(trendingBlocks(500, 500)).toEqual([]);
    expect(trendingBlocks(500, 400)).toEqual([]);
  });
});
