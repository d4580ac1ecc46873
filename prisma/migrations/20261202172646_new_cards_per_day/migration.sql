-- AlterTable
ALTER TABLE "UserSettings" ADD COLUMN     "newCardsPerDay" INTEGER NOT NULL DEFAULT 20;
