// Converts between paper rows and the plain records the core merges and ranks.
import type { TPaperRecord } from "@/core/ingest/merge-paper";
import type { TPaper } from "@/core/paper";
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

export type TPaperRow = Prisma.PaperGetPayload<{ select: typeof paperSelect }>;

export function rowToPaper(row: TPaperRow): TPaper {
  return { ...row, listedOn: day(row.listedOn), publishedAt: row.publishedAt?.toISOString() ?? null };
}
