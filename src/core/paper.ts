// The plain paper shape shared by ranking, digests and feeds, free of any database or source types.

/** A thumbnail stored and served from our own origin, with its size so pages reserve its box before it loads. */
export type TPaperThumbnail = { src: string; width: number; height: number };
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
  /** The source's thumbnail URL, as listed; pages never load it (see `thumbnail`). */
  thumbnailUrl?: string | null;
  /** The stored copy of that thumbnail, when reads for pages asked for it; null: none stored, show a placeholder. */
  thumbnail?: TPaperThumbnail | null;
  categories: string[];
  primaryCategory?: string | null;
  keywords?: string[];
  aiSummary?: string | null;
  /** The organization Hugging Face lists the paper under, when it names one. */
  organization?: string | null;
  trendingScore?: number;
};
