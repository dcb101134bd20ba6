// buildDigestMail picks exactly what selectDigest picks for the recipient (their sent papers, the size cap), names the days those papers were
// listed on, with stable ids and the unsubscribe headers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { selectDigest } from "@/core/digest";
import type { TPaper } from "@/core/paper";
import { formatDayRange } from "@/core/periods";
import { trendingScore } from "@/core/ranking";
import { buildDigestMail } from "@/server/digest/build-digest-mail";
import { digestMessageId } from "@/server/digest/digest-message-id";

const NOW = new Date("2026-11-27T07:00:00Z");
const WORDS = ["diffusion", "transformer", "robot", "graph", "agent", "speech"];
const CATEGORIES = ["cs.LG", "cs.CV", "cs.RO"];
const settings = {
  appUrl: "https://papers.example.org",
  appSecret: "unit-secret-0123456789abcdef",
  bounceLimit: 3,
  mailRate: 1,
  concurrency: 1,
  sendWindow: 1,
  limit: 10,
  sendWithinMs: 120_000,
};

const paperArb = fc.record({
  words: fc.subarray(WORDS, { minLength: 1, maxLength: 3 }),
  category: fc.constantFrom(...CATEGORIES),
  day: fc.integer({ min: 18, max: 27 }),
  upvotes: fc.integer({ min: 0, max: 300 }),
});

/** Papers with their stored score, in the feed's trending order (score, then newest id), as the candidate query returns them. */
function ranked(papers: TPaper[]): TPaper[] {
  return papers.map((p) => ({ ...p, trendingScore: trendingScore(p) })).sort((a, b) => b.trendingScore - a.trendingScore || b.id - a.id);
}

function toPapers(seeds: { words: string[]; category: string; day: number; upvotes: number }[]): TPaper[] {
  return seeds.map((s, i) => ({
    id: i + 1,
    arxivId: `2611.${String(i).padStart(5, "0")}`,
    title: `${s.words.join(" ")} study ${i}`,
    abstract: "",
    authors: ["A"],
    listedOn: `2026-11-${s.day}`,
    upvotes: s.upvotes,
    categories: [s.category],
    primaryCategory: s.category,
  }));
}

/** A recipient who excludes nothing, follows no one and has given no feedback. */
const NO_EXTRAS = { negativeKeywords: [], readerGeneration: 0, follows: [], feedback: [], dislikedPaperIds: [] };
/** A recipient with no interests, no digest yet and nothing sent: every candidate is theirs to choose from. */
const ANY_PAPERS = {
  email: "a@example.test",
  keywords: [],
  categories: [],
  onlyWithCode: false,
  minUpvotes: 0,
  lastDigestAt: null,
  sentPaperIds: [],
  ...NO_EXTRAS,
};

describe("buildDigestMail", () => {
  it("selects the same papers as selectDigest over the full candidate list", () => {
    fc.assert(
      fc.property(
        fc.array(paperArb, { minLength: 0, maxLength: 300 }),
        fc.subarray(WORDS, { maxLength: 2 }),
        fc.subarray(CATEGORIES, { maxLength: 1 }),
        fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 40 }),
        fc.option(fc.integer({ min: 20, max: 27 }), { nil: null }),
        (seeds, keywords, categories, sent, lastDay) => {
          const papers = ranked(toPapers(seeds));
          const subscriber = {
            frequency: "daily" as const,
            keywords,
            categories,
            onlyWithCode: false,
            minUpvotes: 0,
            lastDigestAt: lastDay ? new Date(`2026-11-${lastDay}T07:00:00Z`) : null,
          };
          const expected = selectDigest({ now: NOW, subscriber, papers, alreadySent: new Set(sent), limit: 10 }).items.map((i) => i.paper.id);
          const built = buildDigestMail({
            settings,
            period: "daily:2026-11-27",
            papers,
            now: NOW,
            recipient: { ...subscriber, ...NO_EXTRAS, subscriberId: 7, email: "a@example.test", sentPaperIds: sent },
          });
          expect(built?.paperIds ?? []).toEqual(expected);
          if (built) {
            const days = built.items.map((i) => i.paper.listedOn).sort();
            expect(built.mail.subject).toContain(` · ${formatDayRange(days[0]!, days.at(-1)!)}: `);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("carries a stable Message-ID and the one-click unsubscribe headers, and returns null when nothing matches", () => {
    const papers = ranked(toPapers([{ words: ["graph"], category: "cs.LG", day: 27, upvotes: 3 }]));
    const recipient = { ...ANY_PAPERS, subscriberId: 42, frequency: "daily" as const };
    const built = buildDigestMail({ settings, period: "daily:2026-11-27", papers, now: NOW, recipient })!;
    expect(built.mail.messageId).toBe("<digest.daily-2026-11-27.42@papers.example.org>");
    expect(built.mail.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    // RFC 8058: exactly one web address, the one that takes the one-click POST.
    expect(built.mail.headers?.["List-Unsubscribe"]).toMatch(/^<https:\/\/papers\.example\.org\/api\/unsubscribe\?token=[^>,]+>$/);
    expect(buildDigestMail({ settings, period: "daily:2026-11-27", papers, now: NOW, recipient: { ...recipient, sentPaperIds: [1] } })).toBeNull();
  });
});

describe("buildDigestMail: the days it names", () => {
  const recipient = { ...ANY_PAPERS, subscriberId: 1 };
  /** Candidates listed on these days, in trending order. */
  const listedOn = (days: string[]) =>
    ranked(toPapers(days.map(() => ({ words: ["graph"], category: "cs.LG", day: 27, upvotes: 5 }))).map((p, i) => ({ ...p, listedOn: days[i]! })));

  it("labels Saturday's 07:00 daily of Friday's papers with Friday (README's demo run, --now 2026-06-13T07:00:00Z), in subject, heading and text", () => {
    const papers = listedOn(["2026-06-12", "2026-06-12", "2026-06-12"]);
    const now = new Date("2026-06-13T07:00:00Z");
    const built = buildDigestMail({ settings, period: "daily:2026-06-13", papers, now, recipient: { ...recipient, frequency: "daily" } })!;
    expect(built.mail.subject).toMatch(/^Your daily papers · Fri 12 Jun 2026: /);
    expect(built.mail.html).toContain("Fri 12 Jun 2026 &middot; 3 new papers for you");
    expect(built.mail.text).toMatch(/^Your daily papers · Fri 12 Jun 2026\n/);
    expect(built.mail.text).toContain(" on Sat 13 Jun 2026. ");
  });

  it("labels Monday's weekly with the days of last week's papers, not the ISO week it is sent in", () => {
    const papers = listedOn(["2026-06-08", "2026-06-10", "2026-06-14"]);
    const now = new Date("2026-06-15T07:00:00Z");
    const lastMonday = { ...recipient, frequency: "weekly" as const, lastDigestAt: new Date("2026-06-08T07:00:00Z") };
    const built = buildDigestMail({ settings, period: "weekly:2026-W25", papers, now, recipient: lastMonday })!;
    expect(built.mail.subject).toMatch(/^Your weekly papers · 8–14 Jun 2026: /);
  });
});

describe("digestMessageId", () => {
  it("is the same for the same subscriber and period and differs otherwise", () => {
    const a = digestMessageId({ period: "weekly:2026-W48", subscriberId: 1, appUrl: "https://x.example/app" });
    expect(a).toBe("<digest.weekly-2026-W48.1@x.example>");
    expect(digestMessageId({ period: "weekly:2026-W48", subscriberId: 1, appUrl: "https://x.example" })).toBe(a);
    expect(digestMessageId({ period: "weekly:2026-W49", subscriberId: 1, appUrl: "https://x.example" })).not.toBe(a);
    expect(digestMessageId({ period: "weekly:2026-W48", subscriberId: 2, appUrl: "https://x.example" })).not.toBe(a);
  });
});
