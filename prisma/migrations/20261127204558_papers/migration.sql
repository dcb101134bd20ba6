-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "papers" (
    "id" SERIAL NOT NULL,
    "arxivId" TEXT,
    "titleKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL,
    "authors" TEXT[],
    "listedOn" DATE NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "version" INTEGER,
    "upvotes" INTEGER NOT NULL DEFAULT 0,
    "githubUrl" TEXT,
    "githubStars" INTEGER,
    "projectUrl" TEXT,
    "thumbnailUrl" TEXT,
    "numComments" INTEGER,
    "categories" TEXT[],
    "primaryCategory" TEXT,
    "announceType" TEXT,
    "comments" TEXT,
    "aiSummary" TEXT,
    "keywords" TEXT[],
    "sources" TEXT[],
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "overrides" JSONB,
    "trendingScore" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "papers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "paper_metrics" (
    "id" BIGSERIAL NOT NULL,
    "paperId" INTEGER NOT NULL,
    "capturedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "upvotes" INTEGER,
    "githubStars" INTEGER,
    "source" TEXT NOT NULL,

    CONSTRAINT "paper_metrics_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "papers_arxivId_key" ON "papers"("arxivId");

-- CreateIndex
CREATE INDEX "papers_listedOn_upvotes_idx" ON "papers"("listedOn" DESC, "upvotes" DESC);

-- CreateIndex
CREATE INDEX "papers_trendingScore_idx" ON "papers"("trendingScore" DESC);

-- CreateIndex
CREATE INDEX "papers_titleKey_idx" ON "papers"("titleKey");

-- CreateIndex
CREATE INDEX "paper_metrics_paperId_capturedAt_idx" ON "paper_metrics"("paperId", "capturedAt");

-- AddForeignKey
ALTER TABLE "paper_metrics" ADD CONSTRAINT "paper_metrics_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text search: title weighs most, then abstract, then authors. Generated, so every write keeps it current.
CREATE FUNCTION paper_search_document(title TEXT, abstract TEXT, authors TEXT[]) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
      || setweight(to_tsvector('english'::regconfig, coalesce(abstract, '')), 'B')
      || setweight(to_tsvector('simple'::regconfig, coalesce(array_to_string(authors, ' '), '')), 'C')
$$;

ALTER TABLE "papers" ADD COLUMN "search" tsvector
  GENERATED ALWAYS AS (paper_search_document("title", "abstract", "authors")) STORED;

CREATE INDEX "papers_search_idx" ON "papers" USING GIN ("search");

-- Title-only papers (text source) are merged by normalized title, so at most one such row per title.
CREATE UNIQUE INDEX "papers_title_only_key" ON "papers" ("titleKey") WHERE "arxivId" IS NULL;
