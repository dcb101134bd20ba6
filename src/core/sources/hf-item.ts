// Hugging Face's daily-papers API and its HTML pages carry the same item shape; both map through here.
import { parseArxivId } from "@/core/text/arxiv-id";
import { normalizeGithubUrl } from "@/core/text/github-url";
import { utcDayOf, toIsoInstant } from "./dates";
import { countOf, httpUrl, isRecord, plainText, plainTextList } from "./field-values";
import type { TPaperDraft } from "./parse-result";

const HF_ORIGIN = "https://huggingface.co";

/** Most items wrap the paper (`{ paper: {...}, title, thumbnail, ... }`); some endpoints return the paper itself. */
function hfPaperOf(item: Record<string, unknown>): Record<string, unknown> {
  return isRecord(item.paper) ? item.paper : item;
}

export function looksLikeHfItem(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const paper = hfPaperOf(value);
  return (typeof paper.id === "string" || typeof paper.id === "number") && (typeof paper.title === "string" || typeof value.title === "string");
}

export function hfItemId(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const id = hfPaperOf(value).id;
  return typeof id === "string" || typeof id === "number" ? String(id) : undefined;
}

function authorNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  // `hidden` only hides the paper from that user's HF profile; the person is still an author.
  return value.map((author) => plainText(isRecord(author) ? author.name : author)).filter((name): name is string => name !== undefined);
}

/**
 * The organization a paper is listed under, as readers know it: its full name, else its handle. Hugging Face puts it on
 * the item, on the paper, or both (the daily API captures carry the same object in both places).
 */
function organizationName(item: Record<string, unknown>, paper: Record<string, unknown>): string | undefined {
  for (const org of [paper.organization, item.organization]) {
    if (!isRecord(org)) continue;
    const name = plainText(org.fullname) ?? plainText(org.name);
    if (name !== undefined) return name;
  }
  return undefined;
}

/**
 * Maps one item to a paper draft. The listing day is the day it was on Daily Papers
 * (`paper.submittedOnDailyAt`); then the page's own date, then the item's and the paper's publishedAt.
 */
export function hfItemToDraft(item: unknown, pageDay?: string): TPaperDraft | string {
  if (!isRecord(item)) return "item is not an object";
  const paper = hfPaperOf(item);
  const rawId = hfItemId(item);
  if (rawId === undefined) return "paper.id is missing";
  const parsedId = parseArxivId(rawId);
  if (parsedId === null) return `paper.id "${rawId.slice(0, 40)}" is not an arXiv id`;

  const listedOn = utcDayOf(paper.submittedOnDailyAt) ?? pageDay ?? utcDayOf(item.publishedAt) ?? utcDayOf(paper.publishedAt);
  if (listedOn === undefined) return "no listing date (submittedOnDailyAt/publishedAt)";

  const githubUrl = typeof paper.githubRepo === "string" ? normalizeGithubUrl(paper.githubRepo) : null;
  return {
    arxivId: parsedId.id,
    version: parsedId.version,
    title: plainText(paper.title) ?? plainText(item.title) ?? "",
    abstract: plainText(paper.summary) ?? plainText(item.summary) ?? "",
    authors: authorNames(paper.authors),
    listedOn,
    publishedAt: toIsoInstant(paper.publishedAt) ?? toIsoInstant(item.publishedAt),
    upvotes: countOf(paper.upvotes) ?? countOf(item.upvotes),
    githubUrl: githubUrl ?? undefined,
    githubStars: githubUrl === null ? undefined : countOf(paper.githubStars),
    projectUrl: httpUrl(paper.projectPage),
    thumbnailUrl: httpUrl(item.thumbnail, HF_ORIGIN) ?? httpUrl(paper.thumbnail, HF_ORIGIN),
    numComments: countOf(item.numComments) ?? countOf(paper.numComments),
    aiSummary: plainText(paper.ai_summary),
    keywords: plainTextList(paper.ai_keywords),
    organization: organizationName(item, paper),
  };
}
