-- One mailbox is one subscriber whatever the case of its letters: a unique index on lower(email) replaces the
-- exact-match one (the address itself stays as typed, for sending).
--
-- Rows that are case variants of one address (possible before this index) are merged first, so the index can be
-- built: each address keeps the row that decides what its mailbox receives today (confirmed, then paused, then
-- bouncing, then unsubscribed, then pending, and the oldest among equals). The other rows are deleted with their tokens
-- and delivery history (cascade), and the papers they were sent move to the kept row, so its next digest repeats none.
-- Nothing is added to the suppression list: these rows were never erased by their owner.
INSERT INTO "sent_papers" ("subscriberId", "paperId", "sentAt")
SELECT ranked."keepId", sp."paperId", sp."sentAt"
FROM "sent_papers" sp
JOIN (
    SELECT "id", first_value("id") OVER (
        PARTITION BY lower("email")
        ORDER BY CASE "status" WHEN 'confirmed' THEN 0 WHEN 'paused' THEN 1 WHEN 'bouncing' THEN 2 WHEN 'unsubscribed' THEN 3 ELSE 4 END, "id"
    ) AS "keepId"
    FROM "subscribers"
) ranked ON ranked."id" = sp."subscriberId" AND ranked."id" <> ranked."keepId"
ON CONFLICT ("subscriberId", "paperId") DO NOTHING;

DELETE FROM "subscribers" s
USING (
    SELECT "id", first_value("id") OVER (
        PARTITION BY lower("email")
        ORDER BY CASE "status" WHEN 'confirmed' THEN 0 WHEN 'paused' THEN 1 WHEN 'bouncing' THEN 2 WHEN 'unsubscribed' THEN 3 ELSE 4 END, "id"
    ) AS "keepId"
    FROM "subscribers"
) ranked
WHERE s."id" = ranked."id" AND ranked."id" <> ranked."keepId";

-- DropIndex
DROP INDEX "subscribers_email_key";

-- CreateIndex
CREATE UNIQUE INDEX "subscribers_email_lower_key" ON "subscribers" (lower("email"));
