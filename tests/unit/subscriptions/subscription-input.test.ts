// Subscription input: address normalisation and the preference fields' parsing, with fixed inputs.
import { describe, expect, it } from "vitest";
import { zodMessage } from "../../../src/server/errors/describe-error";
import { normalizeEmail, previewQueryToInterests, ZInterests, ZPreferences, ZSubscribeInput } from "../../../src/server/subscriptions/subscription-input";

describe("normalizeEmail", () => {
  it("trims and lower-cases only the domain", () => {
    expect(normalizeEmail("  Jane.Doe+ML@Example.ORG \n")).toBe("Jane.Doe+ML@example.org");
    expect(normalizeEmail("a@B@Example.COM")).toBe("a@B@example.com");
    expect(normalizeEmail("no-at-sign")).toBe("no-at-sign");
  });

  it("writes an internationalised domain in the ASCII form mail servers route by (IDNA, as a browser's URL does)", () => {
    expect(normalizeEmail("Anna@Bücher.DE")).toBe("Anna@xn--bcher-kva.de");
    expect(normalizeEmail("jo@münchen.example.org")).toBe("jo@xn--mnchen-3ya.example.org");
    // What a URL would read as more than a host, or cannot read as one, is left as it is for the validation to refuse: never thrown
    // on, and never turned into another address ("bücher.de/evil.org" is not the host "xn--bcher-kva.de").
    for (const email of ["a@bü cher.de", "a@bücher.de/evil.org", "a@bücher.de:25", "a@bü<cher.de"]) {
      expect(normalizeEmail(email)).toBe(email);
      expect(ZSubscribeInput.safeParse({ email }).success, email).toBe(false);
    }
  });
});

describe("ZSubscribeInput", () => {
  it("accepts a minimal form with defaults", () => {
    expect(ZSubscribeInput.parse({ email: " X@Y.io " })).toEqual({
      email: "X@y.io",
      frequency: "weekly",
      keywords: [],
      categories: [],
      onlyWithCode: false,
      minUpvotes: 0,
      negativeKeywords: [],
      website: "",
    });
  });

  it("accepts an address at an internationalised domain, stored as its ASCII form", () => {
    expect(ZSubscribeInput.parse({ email: "anna@bücher.de" }).email).toBe("anna@xn--bcher-kva.de");
  });

  it("accepts a local part of 64 characters, RFC 5321's longest", () => {
    expect(ZSubscribeInput.safeParse({ email: `${"x".repeat(64)}@example.org` }).success).toBe(true);
  });

  it("accepts a domain label of 63 characters, RFC 1035's longest", () => {
    expect(ZSubscribeInput.safeParse({ email: `a@${"x".repeat(63)}.example.org` }).success).toBe(true);
  });

  it.each([
    "",
    "plain",
    "a@b",
    "@example.org",
    "a b@example.org",
    `${"x".repeat(250)}@example.org`,
    `${"x".repeat(65)}@example.org`,
    `a@${"x".repeat(64)}.example.org`,
    `a@example.${"x".repeat(64)}`,
    // An ASCII-compatible label that is no punycode decodes to no name: no mail can be routed there.
    "a@xn--.co",
    "a@xn--zz.example.org",
  ])("rejects the address %j with a message on the email field", (email) => {
    const result = ZSubscribeInput.safeParse({ email });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["email"]);
  });

  it("reads the API's JSON arrays as the form's lists: an item holding a comma is two, as the manage form would save it", () => {
    const parsed = ZSubscribeInput.parse({
      email: "a@example.org",
      keywords: [" LLM", "diffusion, agents", "llm", ""],
      categories: ["cs.LG cs.CV", "cs.lg"],
      negativeKeywords: ["robotics,medical imaging"],
    });
    expect(parsed).toMatchObject({
      keywords: ["LLM", "diffusion", "agents"],
      categories: ["cs.LG", "cs.CV"],
      negativeKeywords: ["robotics", "medical imaging"],
    });
    expect(ZSubscribeInput.safeParse({ email: "a@example.org", keywords: ["ok", 3] }).success).toBe(false);
  });

  it("reads form fields: comma lists de-duplicated case-insensitively, checkbox, number", () => {
    const parsed = ZSubscribeInput.parse({
      email: "a@example.org",
      frequency: "daily",
      keywords: " LLM, diffusion ,llm,, vision   transformers ",
      categories: "cs.LG, cs.CV cs.lg",
      onlyWithCode: "on",
      minUpvotes: "12",
    });
    expect(parsed).toMatchObject({
      frequency: "daily",
      keywords: ["LLM", "diffusion", "vision transformers"],
      categories: ["cs.LG", "cs.CV"],
      onlyWithCode: true,
      minUpvotes: 12,
    });
  });

  it("reads only-with-code as a checkbox or a boolean, and refuses anything else instead of reading it as unchecked", () => {
    for (const [value, read] of [
      [true, true],
      ["on", true],
      ["1", true],
      [false, false],
      ["", false],
      ["0", false],
      [undefined, false],
    ] as const) {
      expect(ZSubscribeInput.parse({ email: "a@b.io", onlyWithCode: value }).onlyWithCode, String(value)).toBe(read);
    }
    for (const value of ["yes", 2, "TRUE ", {}]) {
      const parsed = ZSubscribeInput.safeParse({ email: "a@b.io", onlyWithCode: value });
      expect(parsed.success, String(value)).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("Only papers with code must be on or off (1 or 0).");
    }
  });

  it("explains bad preferences field by field", () => {
    const result = ZPreferences.safeParse({ frequency: "hourly", categories: "cs.LG; DROP TABLE", minUpvotes: "1.5", keywords: "k".repeat(61) });
    const fields = new Set(result.error?.issues.map((i) => String(i.path[0])));
    expect(fields).toEqual(new Set(["frequency", "categories", "minUpvotes", "keywords"]));
    expect(ZPreferences.safeParse({ minUpvotes: "-1" }).success).toBe(false);
    expect(ZPreferences.safeParse({ keywords: Array.from({ length: 21 }, (_, i) => `k${i}`).join(",") }).success).toBe(false);
  });

  it("refuses a keyword with a control character (PostgreSQL text cannot store NUL), naming the field", () => {
    const result = ZPreferences.safeParse({ keywords: "llm, agents\u0000" });
    expect(result.error?.issues.map((i) => [String(i.path[0]), i.message])).toEqual([
      ["keywords", "Keywords must not contain control characters or lone surrogates."],
    ]);
  });

  it("refuses a keyword holding a lone surrogate (JSON's \\ud800), which would have been stored as U+FFFD", () => {
    const result = ZPreferences.safeParse({ keywords: ["llm", "agents\ud800"] });
    expect(result.error?.issues.map((i) => [String(i.path[0]), i.message])).toEqual([
      ["keywords", "Keywords must not contain control characters or lone surrogates."],
    ]);
    // A surrogate pair is one character, an emoji here, and is kept.
    expect(ZPreferences.parse({ keywords: ["agents \ud83e\udd16"] }).keywords).toEqual(["agents 🤖"]);
  });

  it("says once what is wrong with a minimum far past its range, not once per check it fails", () => {
    for (const minUpvotes of [1e308, "1e308", 100_001, -1, 1.5, "x"]) {
      const result = ZPreferences.safeParse({ minUpvotes });
      expect(result.error && zodMessage(result.error), String(minUpvotes)).toBe("minUpvotes: Minimum upvotes must be a whole number from 0 to 100,000.");
    }
  });

  it('reads a minimum typed as text only when it is written in digits, as the feed\'s own min= is ("0x10" was read as 16)', () => {
    for (const minUpvotes of ["0x10", "1e3", "0b11", "+5", "5.0", "Infinity"]) {
      const result = ZPreferences.safeParse({ minUpvotes });
      expect(result.error && zodMessage(result.error), minUpvotes).toBe("minUpvotes: Minimum upvotes must be a whole number from 0 to 100,000.");
    }
    expect(ZPreferences.parse({ minUpvotes: " 25 " }).minUpvotes).toBe(25);
    expect(ZPreferences.parse({ minUpvotes: "007" }).minUpvotes).toBe(7);
    // A form's blank field, spaces and all, is no minimum, as an empty one is.
    expect(ZPreferences.parse({ minUpvotes: "  " }).minUpvotes).toBe(0);
    expect(ZPreferences.parse({ minUpvotes: 1e3 }).minUpvotes).toBe(1000);
  });
});

describe("previewQueryToInterests", () => {
  it("maps the preview's short query names onto the form's fields", () => {
    const interests = ZInterests.parse(previewQueryToInterests(new URLSearchParams("keywords=llm,agents&cat=cs.CL&code=1&min=3")));
    expect(interests).toEqual({ keywords: ["llm", "agents"], categories: ["cs.CL"], onlyWithCode: true, minUpvotes: 3, negativeKeywords: [] });
    expect(ZInterests.parse(previewQueryToInterests(new URLSearchParams("")))).toEqual({
      keywords: [],
      categories: [],
      onlyWithCode: false,
      minUpvotes: 0,
      negativeKeywords: [],
    });
  });
});
