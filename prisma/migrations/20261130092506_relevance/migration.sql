-- AlterTable
ALTER TABLE "papers" ADD COLUMN     "organization" TEXT;

-- AlterTable
ALTER TABLE "subscribers" ADD COLUMN     "feedGeneration" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "negativeKeywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "readerGeneration" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "feedback" (
    "id" SERIAL NOT NULL,
    "subscriberId" INTEGER NOT NULL,
    "paperId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "feedback_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "follows" (
    "id" SERIAL NOT NULL,
    "subscriberId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "follows_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "feedback_subscriberId_paperId_key" ON "feedback"("subscriberId", "paperId");

-- CreateIndex
CREATE UNIQUE INDEX "follows_subscriberId_kind_key_key" ON "follows"("subscriberId", "kind", "key");

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "subscribers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "papers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "follows" ADD CONSTRAINT "follows_subscriberId_fkey" FOREIGN KEY ("subscriberId") REFERENCES "subscribers"("id") ON DELETE CASCADE ON UPDATE CASCADE;
