-- CreateTable
CREATE TABLE "QuestionAnswer" (
    "userId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "questionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "optionId" TEXT NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "source" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuestionAnswer_pkey" PRIMARY KEY ("userId","clientId")
);

-- CreateIndex
CREATE INDEX "QuestionAnswer_userId_questionId_createdAt_idx" ON "QuestionAnswer"("userId", "questionId", "createdAt");

-- AddForeignKey
ALTER TABLE "QuestionAnswer" ADD CONSTRAINT "QuestionAnswer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
