-- CreateEnum
CREATE TYPE "IngestStatus" AS ENUM ('queued', 'running', 'succeeded', 'partial', 'failed');

-- CreateTable
CREATE TABLE "paper_similar" (
    "paperId" INTEGER NOT NULL,
    "similarId" INTEGER NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "paper_similar_pkey" PRIMARY KEY ("paperId","similarId")
);

-- CreateTable
CREATE TABLE "ingest_runs" (
    "id" SERIAL NOT NULL,
    "source" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "runKey" TEXT NOT NULL,
    "trigger" TEXT NOT NULL DEFAULT 'admin',
    "status" "IngestStatus" NOT NULL DEFAULT 'queued',
    "reason" TEXT,
    "found" INTEGER NOT NULL DEFAULT 0,
    "expected" INTEGER,
    "inserted" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "timings" JSONB NOT NULL DEFAULT '{}',
    "newestListedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "ingest_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "fetch_cache" (
    "url" TEXT NOT NULL,
    "etag" TEXT,
    "lastModified" TEXT,
    "status" INTEGER,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "fetch_cache_pkey" PRIMARY KEY ("url")
);

-- CreateIndex
CREATE INDEX "ingest_runs_source_createdAt_idx" ON "ingest_runs"("source", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "ingest_runs_createdAt_idx" ON "ingest_runs"("createdAt" DESC);

-- AddForeignKey
ALTER TABLE "paper_similar" ADD CONSTRAINT "paper_similar_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "paper_similar" ADD CONSTRAINT "paper_similar_similarId_fkey" FOREIGN KEY ("similarId") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Two triggers of the same source and parameters share one run: at most one queued or running run per key.
CREATE UNIQUE INDEX "ingest_runs_active_key" ON "ingest_runs" ("runKey") WHERE "status" IN ('queued', 'running');
