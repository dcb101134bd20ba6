-- AlterTable
ALTER TABLE "papers" ADD COLUMN     "metricsObservedAt" TIMESTAMP(3);
