-- Admin sessions become rows, so signing out revokes a session on the server. Cookies signed before this migration
-- name no row and are refused: admins sign in again once after the upgrade.
-- CreateTable
CREATE TABLE "admin_sessions" (
    "id" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "admin_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "admin_sessions_expiresAt_idx" ON "admin_sessions"("expiresAt");
