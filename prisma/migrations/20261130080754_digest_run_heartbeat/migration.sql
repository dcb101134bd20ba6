-- A running digest run bumps its heartbeat every few seconds, so a run whose process was killed can be told
-- from a slow one and marked failed (see src/server/digest/digest-liveness.ts).
ALTER TABLE "digest_runs" ADD COLUMN     "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
