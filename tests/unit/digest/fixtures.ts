// Papers and subscribers for the digest unit tests, built field by field so each test states only what it is about.
import type { TPaper } from "@/core/paper";
import type { TDigestSubscriber } from "@/core/digest";

export const NOW = new Date("2026-11-27T08:00:00Z");

export function makePaper(id: number, fields: Partial<TPaper> = {}): TPaper {
  return {
    id,
    arxivId: `2611.${String(10000 + id)}`,
    title: `Paper number ${id}`,
    abstract: "We study things.",
    authors: ["Ada Lovelace"],
    listedOn: "2026-11-27",
    upvotes: 10,
    categories: ["cs.LG"],
    ...fields,
  };
}

export function makeSubscriber(fields: Partial<TDigestSubscriber> = {}): TDigestSubscriber {
  return {
    frequency: "daily",
    keywords: [],
    categories: [],
    onlyWithCode: false,
    minUpvotes: 0,
    lastDigestAt: new Date("2026-11-26T08:00:00Z"),
    ...fields,
  };
}
