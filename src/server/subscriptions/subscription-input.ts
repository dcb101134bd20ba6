// zod schemas for everything a subscriber types: the address, the frequency and the interests.
import { domainToASCII } from "node:url";
import { z } from "zod";
import { hasControlChars } from "@/core/text/control-chars";

const MAX_INTERESTS = 20;

/** Trims, lower-cases the domain only (local parts may be case-sensitive) and writes it in ASCII, then validates. */
export function normalizeEmail(raw: string): string {
  const trimmed = raw.trim();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0) return trimmed;
  return `${trimmed.slice(0, at)}@${asciiDomain(trimmed.slice(at + 1))}`;
}

/**
 * An internationalised domain (bücher.de) in the ASCII form mail is routed by (xn--bcher-kva.de), converted by the URL parser's IDNA
 * as a browser converts it. Only a bare host name is converted: anything a URL would read as more than a host stays as it is, for the
 * validation to refuse, so no address is ever turned into another.
 */
function asciiDomain(domain: string): string {
  const lower = domain.toLowerCase();
  if (!/[^\p{ASCII}]/u.test(lower) || /[\s/?#:@\\[\]%]/.test(lower)) return lower;
  try {
    return new URL(`http://${lower}`).hostname;
  } catch (err) {
    if (err instanceof TypeError) return lower; // not a host name: the validation refuses it
    throw err;
  }
}

/** A domain's labels hold at most 63 characters (RFC 1035); a longer one is no host name, so no mail could reach it. */
const hasLongLabel = (address: string) =>
  address
    .slice(address.lastIndexOf("@") + 1)
    .split(".")
    .some((label) => label.length > 63);

/**
 * Whether the domain is a name at all: an ASCII-compatible label ("xn--…") must be punycode that decodes (`a@xn--.co` passed the
 * address format, and no mail could be routed there). domainToASCII answers "" for a domain the URL standard refuses.
 */
const hasValidDomain = (address: string) => domainToASCII(address.slice(address.lastIndexOf("@") + 1)) !== "";

/** RFC 5321's limits: 64 characters before the @, 254 in all, and RFC 1035's 63 per label of the domain. */
const ZEmail = z
  .string({ error: "Enter your email address." })
  .transform(normalizeEmail)
  .pipe(
    z
      .email({ error: "Enter a valid email address, like name@example.org." })
      .max(254, { error: "That address is too long." })
      .refine((address) => address.lastIndexOf("@") <= 64, { error: "That address is too long." })
      .refine((address) => !hasLongLabel(address), { error: "A part of that address's domain is longer than 63 characters." })
      .refine(hasValidDomain, { error: "Enter a valid email address, like name@example.org." }),
  );

/**
 * A comma-separated list, or a JSON array of strings (the API), as one list: trimmed, blanks and repeats dropped, and an item holding a
 * comma split there, since the manage form writes the list comma-separated and would split it on the next save anyway.
 */
function splitList(value: unknown): unknown {
  const text = asListText(value);
  if (typeof text !== "string") return text;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(",")) {
    const item = part.trim().replace(/\s+/g, " ");
    if (item && !seen.has(item.toLowerCase())) {
      seen.add(item.toLowerCase());
      out.push(item);
    }
  }
  return out;
}

const ZKeywords = z.preprocess(
  splitList,
  z
    .array(
      z
        .string()
        .max(60, { error: "Each keyword must be 60 characters or fewer." })
        .refine((k) => !hasControlChars(k), { error: "Keywords must not contain control characters or lone surrogates." }),
    )
    .max(MAX_INTERESTS, { error: `At most ${MAX_INTERESTS} keywords.` }),
);

/** A JSON array of strings as the comma-separated text a form sends; anything else as it came. */
const asListText = (value: unknown): unknown => (Array.isArray(value) && value.every((item) => typeof item === "string") ? value.join(",") : value);

const ZCategories = z.preprocess(
  (v) => {
    const text = asListText(v);
    return typeof text === "string" ? splitList(text.replace(/\s+/g, ",")) : text;
  },
  z
    .array(z.string().regex(/^[a-z-]+(\.[A-Za-z-]+)?$/i, { error: "Categories look like cs.LG or stat.ML." }))
    .max(MAX_INTERESTS, { error: `At most ${MAX_INTERESTS} categories.` }),
);

/** A form's checkbox ("on", or absent) or a JSON boolean; anything else ("yes") is refused, not quietly read as unchecked. */
const CHECKED: readonly unknown[] = [true, "on", "1", "true"];
const UNCHECKED: readonly unknown[] = [false, undefined, null, "", "0", "false", "off"];
const ZCheckbox = z.preprocess(
  (v) => (CHECKED.includes(v) ? true : UNCHECKED.includes(v) ? false : v),
  z.boolean({ error: "Only papers with code must be on or off (1 or 0)." }),
);

const MIN_UPVOTES_RANGE = { error: "Minimum upvotes must be a whole number from 0 to 100,000." };

/**
 * Every check says the same words, which zodMessage says once: 1e308 failed both "whole number" and "too big", joined. Text is read
 * only when it is digits (a form's blank, spaces included, is 0), as the feed's `min=` must be: Number() read "0x10" as 16 and "1e3"
 * as 1000.
 */
const ZMinUpvotes = z.preprocess(
  (v) => {
    if (v === undefined || v === null) return 0;
    if (typeof v !== "string") return v;
    const text = v.trim();
    return text === "" ? 0 : /^\d{1,7}$/.test(text) ? Number(text) : v;
  },
  z.number(MIN_UPVOTES_RANGE).int(MIN_UPVOTES_RANGE).min(0, MIN_UPVOTES_RANGE).max(100_000, MIN_UPVOTES_RANGE),
);

export const ZInterests = z.object({
  keywords: ZKeywords.default([]),
  /** "Never show papers about …": a paper matching any of these never makes the digest. */
  negativeKeywords: ZKeywords.default([]),
  categories: ZCategories.default([]),
  onlyWithCode: ZCheckbox.default(false),
  minUpvotes: ZMinUpvotes.default(0),
});

export const ZPreferences = ZInterests.extend({
  frequency: z.enum(["daily", "weekly"], { error: "Choose daily or weekly." }).default("weekly"),
});

/**
 * Strict: a field it does not know is a 400 naming it. Stripped, `{"email": …, "keyword": ["llm"]}` subscribed the address to every
 * paper, the misspelt interests dropped without a word; the form sends these fields only.
 */
export const ZSubscribeInput = ZPreferences.extend({
  email: ZEmail,
  /** Honeypot: people never see it, bots fill it in. */
  website: z.string().optional().default(""),
}).strict();

/** The keys of the preview's query string (previewQueryToInterests). */
export const PREVIEW_KEYS = ["keywords", "never", "cat", "code", "min"] as const;

/**
 * The canonical preview query for the interests in `params` (normalised by ZInterests, defaults left out, fixed key order), so
 * equal interests share one cached page however they were typed; "" for none, null when they do not parse.
 */
export function canonicalPreviewQuery(params: URLSearchParams): string | null {
  const parsed = ZInterests.safeParse(previewQueryToInterests(params));
  if (!parsed.success) return null;
  const { keywords, negativeKeywords, categories, onlyWithCode, minUpvotes } = parsed.data;
  const out = new URLSearchParams();
  if (keywords.length) out.set("keywords", keywords.join(","));
  if (negativeKeywords.length) out.set("never", negativeKeywords.join(","));
  if (categories.length) out.set("cat", categories.join(","));
  if (onlyWithCode) out.set("code", "1");
  if (minUpvotes > 0) out.set("min", String(minUpvotes));
  return out.toString();
}

/** The preview's query string, keywords=..&never=..&cat=..&code=1&min=.., in the form's field names (parse with ZInterests). */
export function previewQueryToInterests(params: URLSearchParams): Record<string, string> {
  return {
    keywords: params.get("keywords") ?? "",
    negativeKeywords: params.get("never") ?? "",
    categories: params.get("cat") ?? "",
    onlyWithCode: params.get("code") ?? "",
    minUpvotes: params.get("min") ?? "",
  };
}
