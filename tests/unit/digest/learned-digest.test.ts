// A reader's feedback, follows and negative keywords: what they add to, remove from and reorder in their digest.
import { describe, expect, it } from "vitest";
import { selectDigest, type TDigestSubscriber } from "@/core/digest";
import type { TPaper } from "@/core/paper";
import type { TFeedbackExample } from "@/core/relevance";
import { makePaper, makeSubscriber, NOW } from "./fixtures";

const TOPICS = {
  diffusion: {
    title: "Latent diffusion models for image generation",
    abstract: "We train a denoising diffusion model that generates images from text prompts with classifier-free guidance.",
    categories: ["cs.CV"],
  },
  robots: {
    title: "Reinforcement learning for robot grasping",
    abstract: "A robot arm learns grasping policies with reinforcement learning from sparse rewards in simulation.",
    categories: ["cs.RO"],
  },
  language: {
    title: "Chain-of-thought reasoning in large language models",
    abstract: "We study how large language models solve arithmetic word problems through chain-of-thought prompting.",
    categories: ["cs.CL"],
  },
} as const;
type TTopic = keyof typeof TOPICS;

/** Candidates in trending order: the topics interleaved, so the trending order favours none of them. */
const ORDER: TTopic[] = ["language", "robots", "diffusion"];
const papers: TPaper[] = Array.from({ length: 12 }, (_, i) => {
  const topic = TOPICS[ORDER[i % 3]!];
  return makePaper(i + 1, {
    title: `${topic.title}, part ${i + 1}`,
    abstract: topic.abstract,
    categories: [...topic.categories],
    authors: [`Author ${i + 1}`],
    trendingScore: 100 - i,
  });
});
const topicOf = (paper: TPaper) => ORDER[(paper.id - 1) % 3]!;

const EARLIER_ID: Record<TTopic, number> = { diffusion: 900, robots: 901, language: 902 };

/** A paper the reader saw in an earlier digest: not a candidate any more, only its text trains the model. */
function press(kind: "more" | "less", topic: TTopic, id = EARLIER_ID[topic]): TFeedbackExample {
  return {
    paperId: id,
    kind,
    title: `${TOPICS[topic].title}, an earlier one`,
    abstract: TOPICS[topic].abstract,
    authors: ["Someone Else"],
    categories: [...TOPICS[topic].categories],
  };
}

function digest(fields: Partial<TDigestSubscriber> = {}, limit = 12) {
  return selectDigest({ now: NOW, subscriber: makeSubscriber(fields), papers, alreadySent: new Set(), limit }).items;
}
const ids = (items: { paper: TPaper }[]) => items.map((item) => item.paper.id);

describe("selectDigest: feedback", () => {
  it("keeps the trending order for a reader without feedback", () => {
    expect(ids(digest())).toEqual(papers.map((p) => p.id));
  });

  it("More like this raises the similar papers to the top, naming the liked paper", () => {
    const items = digest({ feedback: [press("more", "diffusion")] });
    expect(items.slice(0, 4).map((item) => topicOf(item.paper))).toEqual(["diffusion", "diffusion", "diffusion", "diffusion"]);
    expect(items[0]!.why).toBe("Because you liked «Latent diffusion models for image generation, an earlier one»");
    expect(ids(digest({ feedback: [press("more", "diffusion")] }, 3))).toEqual([3, 6, 9]);
  });

  it("Less like this lowers the similar papers to the bottom", () => {
    const items = digest({ feedback: [press("less", "robots")] });
    expect(items.slice(-4).map((item) => topicOf(item.paper))).toEqual(["robots", "robots", "robots", "robots"]);
    expect(ids(digest({ feedback: [press("less", "robots")] }, 8)).some((id) => topicOf(papers[id - 1]!) === "robots")).toBe(false);
  });

  it("undoing the feedback restores the trending order", () => {
    const before = ids(digest());
    expect(ids(digest({ feedback: [press("more", "diffusion"), press("less", "language")] }))).not.toEqual(before);
    expect(ids(digest({ feedback: [] }))).toEqual(before);
  });

  it("never brings back a paper the reader said less of", () => {
    const items = digest({ feedback: [press("more", "robots"), press("less", "robots", 2)] });
    expect(ids(items)).not.toContain(2);
    expect(items).toHaveLength(11);
  });

  it("keeps a reader's keywords as the filter and orders their matches by what they liked", () => {
    const withKeyword = makeSubscriber({ keywords: ["reasoning", "robot"] }).keywords;
    const items = digest({ keywords: withKeyword, feedback: [press("more", "robots")] });
    expect(new Set(items.map((item) => topicOf(item.paper)))).toEqual(new Set(["robots", "language"]));
    expect(items.slice(0, 4).map((item) => topicOf(item.paper))).toEqual(["robots", "robots", "robots", "robots"]);
  });
});

describe("selectDigest: negative keywords", () => {
  it("excludes papers whose title or abstract holds one, matched as keywords are (whole words, plurals)", () => {
    const items = digest({ negativeKeywords: ["robot"] });
    expect(items.map((item) => topicOf(item.paper))).not.toContain("robots");
    expect(items).toHaveLength(8);
    expect(digest({ negativeKeywords: ["rob"] })).toHaveLength(12);
    expect(digest({ negativeKeywords: ["  ", "Image"] }).map((item) => topicOf(item.paper))).not.toContain("diffusion");
  });

  it("reads the same text keywords match, Hugging Face's keywords included, so no paper is picked for a word the reader excluded", () => {
    const tagged = makePaper(99, { title: "A judge for chatbots", abstract: "Pairwise preferences.", keywords: ["LLM-as-a-judge"], trendingScore: 200 });
    const pick = (negativeKeywords: string[]) =>
      selectDigest({
        now: NOW,
        subscriber: makeSubscriber({ keywords: ["llm"], negativeKeywords }),
        papers: [tagged, ...papers],
        alreadySent: new Set(),
        limit: 12,
      }).items.map((item) => item.paper.id);
    expect(pick([])).toContain(99);
    expect(pick(["llm"])).not.toContain(99);
  });

  it("excludes them from a learned digest too", () => {
    expect(digest({ negativeKeywords: ["diffusion"], feedback: [press("more", "diffusion")] }).map((item) => topicOf(item.paper))).not.toContain("diffusion");
  });
});

describe("selectDigest: follows", () => {
  const followed = papers.map((p) =>
    p.id === 11 ? { ...p, authors: ["Grace Hopper", "Ada  Lovelace"] } : p.id === 8 ? { ...p, organization: "TIGER-Lab" } : p,
  );
  const follows = [
    { kind: "author" as const, key: "ada lovelace", label: "Ada Lovelace" },
    { kind: "organization" as const, key: "tiger lab", label: "TIGER-Lab" },
  ];
  const choose = (fields: Partial<TDigestSubscriber>, limit = 3) =>
    selectDigest({ now: NOW, subscriber: makeSubscriber({ follows, ...fields }), papers: followed, alreadySent: new Set(), limit }).items;

  it("puts papers by followed authors and organizations first, with their why line, within the size", () => {
    const items = choose({});
    expect(ids(items)).toEqual([8, 11, 1]);
    expect(items.map((item) => item.why)).toEqual(["From TIGER-Lab, which you follow", "By Ada Lovelace, whom you follow", "Trending"]);
    expect(ids(choose({}, 1))).toEqual([8]);
  });

  it("brings them in past the reader's keywords and filters, ahead of learned picks, but not past a negative keyword", () => {
    expect(ids(choose({ keywords: ["reasoning"], minUpvotes: 50 }))).toEqual([8, 11]);
    expect(ids(choose({ feedback: [press("more", "language")] }))).toEqual([8, 11, 1]);
    // Both followed papers are about grasping.
    expect(ids(choose({ negativeKeywords: ["grasping"] }))).toEqual([1, 3, 4]);
  });
});
