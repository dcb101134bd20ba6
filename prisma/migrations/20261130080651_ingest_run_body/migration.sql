-- Ingestion runs keep a pasted or uploaded document in its own column, only until the run finishes.
-- AlterTable
ALTER TABLE "ingest_runs" ADD COLUMN     "body" TEXT;

-- Pasted documents move out of the shown parameters, and finished runs no longer keep them.
UPDATE "ingest_runs" SET "body" = "params"->>'body' WHERE "params" ? 'body' AND "status" IN ('queued', 'running');
UPDATE "ingest_runs" SET "params" = ("params" - 'body') || jsonb_build_object('bodyChars', length("params"->>'body')) WHERE "params" ? 'body';
