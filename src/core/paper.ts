// The plain paper shape shared by ranking, digests and feeds, free of any database or source types.
export type TPaper = {
  id: number;
  /** arXiv identifier without version; null for papers known by title alone. */
  arxivId: string | null;
  title: string;
  abstract: string;
  authors: string[];
  /** The UTC day the paper was listed, YYYY-MM-DD. */
  listedOn: string;
  publishedAt?: string | null;
  upvotes: number;
  githubUrl?: string | null;
  githubStars?: number | null;
  projectUrl?: string | null;
  thumbnailUrl?: string | null;
  categories: string[];
  primaryCategory?: string | null;
  keywords?: string[];
  aiSummary?: string | null;
  /** The organization the source lists the paper under (Hugging Face), when it names one. */
  organization?: string | null;
  trendingScore?: number;
};
