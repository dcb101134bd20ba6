-- CreateTable
CREATE TABLE "paper_thumbnails" (
    "paperId" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,
    "contentType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "sourceUrl" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "paper_thumbnails_pkey" PRIMARY KEY ("paperId")
);

-- AddForeignKey
ALTER TABLE "paper_thumbnails" ADD CONSTRAINT "paper_thumbnails_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Images arrive compressed: keep them out of line without trying to compress them again
ALTER TABLE "paper_thumbnails" ALTER COLUMN "bytes" SET STORAGE EXTERNAL;
