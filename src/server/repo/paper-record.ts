// Converts between paper rows and the plain records the core merges and ranks.
import type { TPaperRecord } from "@/core/ingest/merge-paper";
import type { TPaper, TPaperThumbnail } from "@/core/paper";
import { isImageType } from "@/core/thumbnails/image-header";
import { thumbnailPath } from "@/core/thumbnails/thumbnail-path";
import type { Prisma } from "@/generated/prisma/client";

export const day = (d: Date) => d.toISOString().slice(0, 10);

export const recordSelect = {
  id: true,
  arxivId: true,
  titleKey: true,
  title: true,
  abstract: true,
  authors: true,
  listedOn: true,
  publishedAt: true,
  version: true,
  upvotes: true,
  githubUrl: true,
  githubStars: true,
  projectUrl: true,
  thumbnailUrl: true,
  numComments: true,
  metricsObservedAt: true,
  categories: true,
  primaryCategory: true,
  announceType: true,
  comments: true,
  aiSummary: true,
  keywords: true,
  organization: true,
  sources: true,
  overrides: true,
} as const;

export type TRecordRow = Prisma.PaperGetPayload<{ select: typeof recordSelect }>;

export function rowToRecord(row: TRecordRow): TPaperRecord {
  return {
    arxivId: row.arxivId,
    titleKey: row.titleKey,
    title: row.title,
    abstract: row.abstract,
    authors: row.authors,
    listedOn: day(row.listedOn),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    version: row.version,
    upvotes: row.upvotes,
    githubUrl: row.githubUrl,
    githubStars: row.githubStars,
    projectUrl: row.projectUrl,
    thumbnailUrl: row.thumbnailUrl,
    numComments: row.numComments,
    metricsObservedAt: row.metricsObservedAt?.toISOString() ?? null,
    categories: row.categories,
    primaryCategory: row.primaryCategory,
    announceType: row.announceType,
    comments: row.comments,
    aiSummary: row.aiSummary,
    keywords: row.keywords,
    organization: row.organization,
    sources: row.sources,
  };
}

export const paperSelect = {
  id: true,
  arxivId: true,
  title: true,
  abstract: true,
  authors: true,
  listedOn: true,
  publishedAt: true,
  upvotes: true,
  githubUrl: true,
  githubStars: true,
  projectUrl: true,
  thumbnailUrl: true,
  categories: true,
  primaryCategory: true,
  keywords: true,
  aiSummary: true,
  organization: true,
  trendingScore: true,
} as const;

/** For pages, which show the stored thumbnail: its size and hash, never its bytes. */
export const pageSelect = { ...paperSelect, thumbnail: { select: { sha256: true, contentType: true, width: true, height: true } } } as const;

export type TPaperRow = Prisma.PaperGetPayload<{ select: typeof paperSelect }>;

type TThumbnailRow = { sha256: string; contentType: string; width: number; height: number };

/** The served thumbnail of a paper from its stored row's hash, type and size; null without one. */
export function thumbnailOf(paperId: number, row: TThumbnailRow | null): TPaperThumbnail | null {
  if (!row || !isImageType(row.contentType)) return null;
  return { src: thumbnailPath({ paperId, sha256: row.sha256, contentType: row.contentType }), width: row.width, height: row.height };
}

/** A paper from its row; rows read with `pageSelect` also carry `thumbnail` (null when none is stored). */
export function rowToPaper(row: TPaperRow & { thumbnail?: TThumbnailRow | null }): TPaper {
  const { thumbnail, ...paper } = row;
  return {
    ...paper,
    listedOn: day(row.listedOn),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    ...(thumbnail !== undefined ? { thumbnail: thumbnailOf(row.id, thumbnail) } : {}),
  };
}
