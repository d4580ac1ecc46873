-- CreateTable
CREATE TABLE "CaseRun" (
    "userId" UUID NOT NULL,
    "caseId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "revealed" BOOLEAN NOT NULL DEFAULT false,
    "timeMs" JSONB NOT NULL DEFAULT '{}',
    "stepSince" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CaseRun_pkey" PRIMARY KEY ("userId","caseId")
);

-- CreateTable
CREATE TABLE "CaseEntry" (
    "userId" UUID NOT NULL,
    "caseId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CaseEntry_pkey" PRIMARY KEY ("userId","caseId","key")
);

-- CreateTable
CREATE TABLE "CaseWrite" (
    "userId" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "caseId" TEXT NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CaseWrite_pkey" PRIMARY KEY ("userId","clientId")
);

-- CreateTable
CREATE TABLE "CaseResult" (
    "userId" UUID NOT NULL,
    "caseId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "band" TEXT NOT NULL,
    "stages" JSONB NOT NULL,
    "finishedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CaseResult_pkey" PRIMARY KEY ("userId","caseId","finishedAt")
);

-- CreateIndex
CREATE INDEX "CaseResult_userId_finishedAt_idx" ON "CaseResult"("userId", "finishedAt");

-- AddForeignKey
ALTER TABLE "CaseRun" ADD CONSTRAINT "CaseRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEntry" ADD CONSTRAINT "CaseEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseWrite" ADD CONSTRAINT "CaseWrite_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseResult" ADD CONSTRAINT "CaseResult_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
