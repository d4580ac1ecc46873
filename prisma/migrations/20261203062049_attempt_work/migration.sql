-- AlterTable
ALTER TABLE "Attempt" ADD COLUMN     "work" JSONB;
