// Decides what one incoming listing changes about a stored paper: fields are unioned, metrics take the newest reading, nothing known is blanked.

/** The stored, mergeable fields of a paper (database-free). */
export type TPaperRecord = {
  arxivId: string | null;
  titleKey: string;
  title: string;
  abstract: string;
  authors: string[];
  listedOn: string;
  publishedAt: string | null;
  version: number | null;
  upvotes: number;
  githubUrl: string | null;
  githubStars: number | null;
  projectUrl: string | null;
  thumbnailUrl: string | null;
  numComments: number | null;
  /** When upvotes, stars and comment count were read (ISO instant); null when no source has reported them. */
  metricsObservedAt: string | null;
  categories: string[];
  primaryCategory: string | null;
  announceType: string | null;
  comments: string | null;
  aiSummary: string | null;
  keywords: string[];
  organization: string | null;
  sources: string[];
};

/** What a source says about a paper; every optional field may be missing. */
export type TIncomingPaper = {
  arxivId: string | null;
  titleKey: string;
  title: string;
  abstract: string;
  authors: string[];
  listedOn: string;
  publishedAt?: string;
  version?: number;
  upvotes?: number;
  githubUrl?: string;
  githubStars?: number;
  projectUrl?: string;
  thumbnailUrl?: string;
  numComments?: number;
  categories?: string[];
  primaryCategory?: string;
  announceType?: string;
  comments?: string;
  aiSummary?: string;
  keywords?: string[];
  organization?: string;
};

export type TOverrides = Partial<Pick<TPaperRecord, "title" | "abstract" | "authors" | "githubUrl" | "projectUrl" | "thumbnailUrl" | "categories">>;

const isHf = (source: string) => source.startsWith("hf-");

/** Whether a listing reports any of the counts that change over time. */
const hasReading = (incoming: TIncomingPaper) => incoming.upvotes !== undefined || incoming.githubStars !== undefined || incoming.numComments !== undefined;

/** `observedAt` is when the listing was read (the run's `now`): it dates the counts the listing reports. */
export function recordFromIncoming(incoming: TIncomingPaper, source: string, observedAt: string): TPaperRecord {
  return {
    arxivId: incoming.arxivId,
    titleKey: incoming.titleKey,
    title: incoming.title,
    abstract: incoming.abstract,
    authors: incoming.authors,
    listedOn: incoming.listedOn,
    publishedAt: incoming.publishedAt ?? null,
    version: incoming.version ?? null,
    upvotes: incoming.upvotes ?? 0,
    githubUrl: incoming.githubUrl ?? null,
    githubStars: incoming.githubStars ?? null,
    projectUrl: incoming.projectUrl ?? null,
    thumbnailUrl: incoming.thumbnailUrl ?? null,
    numComments: incoming.numComments ?? null,
    metricsObservedAt: hasReading(incoming) ? observedAt : null,
    categories: incoming.categories ?? [],
    primaryCategory: incoming.primaryCategory ?? null,
    announceType: incoming.announceType ?? null,
    comments: incoming.comments ?? null,
    aiSummary: incoming.aiSummary ?? null,
    keywords: incoming.keywords ?? [],
    organization: incoming.organization ?? null,
    sources: [source],
  };
}

const union = (a: string[], b: string[] | undefined) => (b && b.length ? [...new Set([...a, ...b])] : a);
const text = (known: string | null, next: string | undefined) => (next !== undefined && next !== "" ? next : known);
const num = (known: number | null, next: number | undefined) => (next !== undefined ? next : known);
/** Hugging Face's code and project links are ones somebody set; another source's are the first its text names, so they only fill a gap. */
const curatedLink = (known: string | null, next: string | undefined, source: string) => (isHf(source) || known === null ? text(known, next) : known);

type TMetrics = Pick<TPaperRecord, "upvotes" | "githubStars" | "numComments" | "metricsObservedAt">;

/**
 * Counts come from the newest reading: one read before the stored counts were (a run that started earlier but
 * commits later) changes nothing. A reading that changes no count keeps the stored time, so that re-reading an
 * unchanged listing writes nothing; the price is that a stale reading taken between the stored one and such an
 * unchanged newer one can still win, which only matters if a count went down in between.
 */
function mergeMetrics(existing: TPaperRecord, incoming: TIncomingPaper, observedAt: string): TMetrics {
  const kept: TMetrics = {
    upvotes: existing.upvotes,
    githubStars: existing.githubStars,
    numComments: existing.numComments,
    metricsObservedAt: existing.metricsObservedAt,
  };
  const stale = existing.metricsObservedAt !== null && Date.parse(existing.metricsObservedAt) > Date.parse(observedAt);
  if (!hasReading(incoming) || stale) return kept;
  const read = {
    upvotes: incoming.upvotes ?? existing.upvotes,
    githubStars: num(existing.githubStars, incoming.githubStars),
    numComments: num(existing.numComments, incoming.numComments),
  };
  const moved = read.upvotes !== kept.upvotes || read.githubStars !== kept.githubStars || read.numComments !== kept.numComments;
  return moved ? { ...read, metricsObservedAt: observedAt } : kept;
}

/** Whether a listing's upvotes or stars differ from the stored ones (or the paper is new): such a reading goes into the metric history. */
export function readingDiffers(stored: TPaperRecord | null, incoming: TIncomingPaper): boolean {
  if (incoming.upvotes === undefined && incoming.githubStars === undefined) return false;
  if (!stored) return true;
  return (
    (incoming.upvotes !== undefined && incoming.upvotes !== stored.upvotes) ||
    (incoming.githubStars !== undefined && incoming.githubStars !== stored.githubStars)
  );
}

/**
 * Merges an incoming listing, read at `observedAt`, into a stored paper. The listing day is the first one seen, except
 * that a Hugging Face listing day replaces an arXiv one: the feed's days follow Daily Papers, as readers expect.
 */
export function mergePaper(existing: TPaperRecord, incoming: TIncomingPaper, source: string, observedAt: string, overrides?: TOverrides | null): TPaperRecord {
  const takeHfDay = isHf(source) && !existing.sources.some(isHf);
  const merged: TPaperRecord = {
    arxivId: existing.arxivId ?? incoming.arxivId,
    titleKey: incoming.title ? incoming.titleKey : existing.titleKey,
    title: text(existing.title, incoming.title) ?? existing.title,
    abstract: text(existing.abstract, incoming.abstract) ?? existing.abstract,
    authors: incoming.authors.length ? incoming.authors : existing.authors,
    listedOn: takeHfDay ? incoming.listedOn : existing.listedOn,
    publishedAt: text(existing.publishedAt, incoming.publishedAt),
    version: Math.max(existing.version ?? 0, incoming.version ?? 0) || null,
    githubUrl: curatedLink(existing.githubUrl, incoming.githubUrl, source),
    projectUrl: curatedLink(existing.projectUrl, incoming.projectUrl, source),
    thumbnailUrl: text(existing.thumbnailUrl, incoming.thumbnailUrl),
    ...mergeMetrics(existing, incoming, observedAt),
    categories: union(existing.categories, incoming.categories),
    primaryCategory: text(existing.primaryCategory, incoming.primaryCategory),
    announceType: text(existing.announceType, incoming.announceType),
    comments: text(existing.comments, incoming.comments),
    aiSummary: text(existing.aiSummary, incoming.aiSummary),
    keywords: incoming.keywords?.length ? incoming.keywords : existing.keywords,
    organization: text(existing.organization, incoming.organization),
    sources: union(existing.sources, [source]),
  };
  return applyOverrides(merged, overrides);
}

function applyOverrides(record: TPaperRecord, overrides?: TOverrides | null): TPaperRecord {
  if (!overrides) return record;
  const out = { ...record };
  for (const [key, value] of Object.entries(overrides) as [keyof TOverrides, TOverrides[keyof TOverrides]][]) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

const sameValue = (a: unknown, b: unknown) => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((v, i) => v === b[i]) : a === b);

/** Names of the fields that differ; empty when the merge changes nothing. */
export function changedFields(before: TPaperRecord, after: TPaperRecord): (keyof TPaperRecord)[] {
  return (Object.keys(after) as (keyof TPaperRecord)[]).filter((k) => !sameValue(before[k], after[k]));
}
