-- CreateEnum
CREATE TYPE "LicenseJobStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "LicenseJob" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "createdByUserId" UUID,
    "actorRoles" TEXT[],
    "status" "LicenseJobStatus" NOT NULL DEFAULT 'queued',
    "request" JSONB NOT NULL,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "seats" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "LicenseJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LicenseJobResult" (
    "jobId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "displayName" TEXT,
    "ok" BOOLEAN NOT NULL,
    "added" UUID[],
    "removed" UUID[],
    "changed" UUID[],
    "violations" JSONB,

    CONSTRAINT "LicenseJobResult_pkey" PRIMARY KEY ("jobId","userId")
);

-- CreateIndex
CREATE INDEX "LicenseJob_tenantId_createdAt_id_idx" ON "LicenseJob"("tenantId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "LicenseJob_status_idx" ON "LicenseJob"("status");

-- CreateIndex
CREATE INDEX "LicenseJobResult_jobId_ok_idx" ON "LicenseJobResult"("jobId", "ok");

-- AddForeignKey
ALTER TABLE "LicenseJob" ADD CONSTRAINT "LicenseJob_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseJob" ADD CONSTRAINT "LicenseJob_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseJobResult" ADD CONSTRAINT "LicenseJobResult_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "LicenseJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

