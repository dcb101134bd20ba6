// Every parser reports the same way: valid papers kept, bad items recorded, whole-document failures as `fatal`, never a throw.
import { ARXIV_CATEGORY } from "@/core/text/arxiv-id";
import { findGithubUrl } from "@/core/text/github-url";
import { textLinks } from "@/core/text/text-links";
import { decodeTexProse } from "@/core/text/tex-accents";
import { authorNames } from "./author-list";
import { ZNormalizedPaper, type TNormalizedPaper, type TParseContext, type TParseError, type TParseResult, type TSourceId } from "./normalized-paper";

/** A paper under construction: optional keys may still be undefined and are dropped before validation. */
export type TPaperDraft = { [K in keyof TNormalizedPaper]?: TNormalizedPaper[K] | undefined };

export type TItemRef = { index?: number; id?: string };

export class ResultBuilder {
  readonly papers: TNormalizedPaper[] = [];
  readonly errors: TParseError[] = [];
  expected: number | undefined;
  totalResults: number | undefined;

  constructor(readonly source: TSourceId) {}

  /** Validates one paper, its text, names and categories tidied as every source's are (`tidied`); an invalid one is recorded in `errors` and skipped. */
  add(draft: TPaperDraft, ref: TItemRef): void {
    const parsed = ZNormalizedPaper.safeParse(dropUndefined(tidied(wellFormed(draft))));
    if (parsed.success) {
      this.papers.push(parsed.data);
      return;
    }
    const message = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".") || "paper"}: ${issue.message}`)
      .join("; ");
    this.fail(ref, message);
  }

  /** Runs `build` for one item so that a surprise in one item cannot sink the others. */
  item(ref: TItemRef, build: () => TPaperDraft | string): void {
    try {
      const draft = build();
      if (typeof draft === "string") this.fail(ref, draft);
      else this.add(draft, ref);
    } catch (error) {
      this.fail(ref, `item could not be read: ${errorMessage(error)}`);
    }
  }

  fail(ref: TItemRef, message: string): void {
    this.errors.push({ ...dropUndefined(ref), message });
  }

  done(): TParseResult {
    return dropUndefined({
      source: this.source,
      papers: this.papers,
      errors: this.errors,
      expected: this.expected,
      totalResults: this.totalResults,
    });
  }
}

/**
 * Every string in `value` with each lone UTF-16 surrogate (a JSON `"\ud83d"`, an emoji escape cut in half) as U+FFFD, as a browser
 * decodes one: PostgreSQL's JSON refuses it, and the whole run's batch failed over one such title, its good papers with it.
 */
function wellFormed<T>(value: T): T {
  if (typeof value === "string") return value.toWellFormed() as T;
  if (Array.isArray(value)) return value.map(wellFormed) as T;
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, wellFormed(field)])) as T;
  }
  return value;
}

/**
 * What every source's data gets wrong alike: TeX in titles and abstracts (`decodeTexProse`: "Landauer-B\"uttiker", "92.1\%"), author
 * names (`authorNames`), and category terms that are no arXiv category (the API lists MSC and ACM classes as `<category>`s: "03B70,
 * 68Q99", "F.4.1; K.2"), the primary then being the first real one. A paper whose source names no code repository or project page
 * gets the ones its comments or abstract write ("Code: https://github.com/…", "Project page: https://…"), as arXiv's listings, feeds
 * and API give such links only that way.
 */
function tidied(draft: TPaperDraft): TPaperDraft {
  const categories = draft.categories?.filter((c) => ARXIV_CATEGORY.test(c));
  const primary = draft.primaryCategory !== undefined && ARXIV_CATEGORY.test(draft.primaryCategory) ? draft.primaryCategory : categories?.[0];
  const written = `${draft.comments ?? ""} ${draft.abstract ?? ""}`;
  return {
    ...draft,
    githubUrl: draft.githubUrl ?? findGithubUrl(written) ?? undefined,
    projectUrl: draft.projectUrl ?? projectPageIn(written),
    title: draft.title && decodeTexProse(draft.title),
    abstract: draft.abstract && decodeTexProse(draft.abstract),
    authors: draft.authors && authorNames(draft.authors),
    categories: categories?.length ? categories : undefined,
    primaryCategory: primary,
  };
}

/** "Project page: https://…", "Project website at https://…", "Homepage: https://…": up to the address, which `textLinks` reads. */
const PROJECT_PAGE = /\b(?:project[ -]?(?:page|website|site)|home[ -]?page)\b(?:\s*(?::|is|at|available at))*\s*(?=https?:\/\/)/i;

/** The address after a project page's label, read as the paper page links an abstract's addresses (the sentence's full stop left out). */
function projectPageIn(text: string): string | undefined {
  const label = PROJECT_PAGE.exec(text);
  return label === null ? undefined : textLinks(text.slice(label.index + label[0].length))[0]?.href;
}

export function fatalResult(source: TSourceId, fatal: string, extra: Partial<TParseResult> = {}): TParseResult {
  return { ...dropUndefined(extra), source, papers: [], errors: extra.errors ?? [], fatal };
}

/** Wraps a parser body so that it never throws: an exception becomes a `fatal` result. */
export function safely(source: TSourceId, body: unknown, ctx: TParseContext, parse: (body: string, ctx: TParseContext) => TParseResult): TParseResult {
  if (typeof body !== "string") return fatalResult(source, "body is not a string");
  if (!(ctx?.now instanceof Date) || Number.isNaN(ctx.now.getTime())) return fatalResult(source, "ctx.now is not a valid Date");
  try {
    return parse(body, ctx);
  } catch (error) {
    return fatalResult(source, `parser failed: ${errorMessage(error)}`);
  }
}

/** The first words of a block, quoted, so that an item error says which block it is about. */
export function quoteStart(text: string, count = 6): string {
  const words = text.split(/\s+/, count + 1).filter((w) => w.length > 0);
  return `"${words.slice(0, count).join(" ")}${words.length > count ? " …" : ""}"`;
}

export function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 0 ? message.slice(0, 300) : "unknown error";
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
