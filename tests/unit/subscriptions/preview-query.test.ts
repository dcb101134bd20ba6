// The subscribe preview's canonical query: equal interests, however typed, are one cached page; bad ones are left for the page to explain.
import { describe, expect, it } from "vitest";
import { canonicalPreviewQuery, previewQueryToInterests, ZInterests } from "../../../src/server/subscriptions/subscription-input";

const canonical = (query: string) => canonicalPreviewQuery(new URLSearchParams(query));

describe("canonicalPreviewQuery", () => {
  it("writes equal interests one way: fixed key order, duplicates and spacing folded, defaults left out", () => {
    expect(canonical("min=1&code=on&cat=cs.LG, cs.LG")).toBe("cat=cs.LG&code=1&min=1");
    expect(canonical("cat=cs.LG&code=1&min=1")).toBe("cat=cs.LG&code=1&min=1");
    expect(canonical("keywords=  diffusion ,LLM  agents&never=robotics")).toBe("keywords=diffusion%2CLLM+agents&never=robotics");
    expect(canonical("keywords=&min=0&code=")).toBe("");
    expect(canonical("")).toBe("");
  });

  it("reads back as the same interests", () => {
    const query = canonical("keywords=diffusion,agents&never=robotics&cat=cs.CV&code=1&min=5")!;
    const again = ZInterests.parse(previewQueryToInterests(new URLSearchParams(query)));
    expect(again).toEqual({ keywords: ["diffusion", "agents"], negativeKeywords: ["robotics"], categories: ["cs.CV"], onlyWithCode: true, minUpvotes: 5 });
  });

  it("is null for interests that do not parse", () => {
    expect(canonical("min=-4")).toBeNull();
    expect(canonical("cat=%3Cscript%3E")).toBeNull();
  });
});
