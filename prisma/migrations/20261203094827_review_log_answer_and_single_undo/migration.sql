-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "answer" TEXT,
ADD COLUMN     "seed" INTEGER;

-- Before this migration concurrent undos could each name the same rating. Keep the first undo of each rating, and the
-- later ones undid nothing, so they stop naming it (their rows stay in the append-only log).
UPDATE "ReviewLog" AS later SET "undoes" = NULL
WHERE later.kind = 'undo' AND later."undoes" IS NOT NULL AND EXISTS (
  SELECT 1 FROM "ReviewLog" AS first
  WHERE first."userId" = later."userId" AND first.kind = 'undo' AND first."undoes" = later."undoes"
    AND (first."reviewedAt", first."clientId") < (later."reviewedAt", later."clientId"));

-- CreateIndex
CREATE UNIQUE INDEX "ReviewLog_userId_undoes_key" ON "ReviewLog"("userId", "undoes");
