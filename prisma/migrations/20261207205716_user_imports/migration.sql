-- CreateEnum
CREATE TYPE "UserImportStatus" AS ENUM ('verified', 'previewed', 'applying', 'completed', 'failed');

-- CreateTable
CREATE TABLE "UserImport" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT,
    "status" "UserImportStatus" NOT NULL DEFAULT 'verified',
    "encoding" TEXT NOT NULL,
    "delimiter" TEXT NOT NULL,
    "createdByUserId" UUID,
    "actorRoles" TEXT[],
    "rowCount" INTEGER NOT NULL,
    "problemRowCount" INTEGER NOT NULL,
    "problems" JSONB NOT NULL DEFAULT '[]',
    "options" JSONB,
    "preview" JSONB,
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "succeeded" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "passwords" TEXT NOT NULL DEFAULT 'none',
    "error" TEXT,
    "errorCode" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "UserImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserImportRow" (
    "tenantId" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "userPrincipalName" TEXT NOT NULL,
    "displayName" TEXT,
    "product" TEXT,
    "data" JSONB NOT NULL,
    "problems" JSONB NOT NULL DEFAULT '[]',
    "existingUserId" UUID,
    "action" TEXT,
    "changes" TEXT[],
    "outcome" TEXT,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "userId" UUID,
    "password" TEXT,

    CONSTRAINT "UserImportRow_pkey" PRIMARY KEY ("tenantId","importId","line")
);

-- CreateIndex
CREATE INDEX "UserImport_tenantId_createdAt_id_idx" ON "UserImport"("tenantId", "createdAt" DESC, "id");

-- CreateIndex
CREATE INDEX "UserImport_status_idx" ON "UserImport"("status");

-- CreateIndex
CREATE UNIQUE INDEX "UserImport_tenantId_id_key" ON "UserImport"("tenantId", "id");

-- CreateIndex
CREATE INDEX "UserImportRow_tenantId_importId_action_line_idx" ON "UserImportRow"("tenantId", "importId", "action", "line");

-- AddForeignKey
ALTER TABLE "UserImport" ADD CONSTRAINT "UserImport_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserImport" ADD CONSTRAINT "UserImport_createdByUserId_fkey" FOREIGN KEY ("createdByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserImportRow" ADD CONSTRAINT "UserImportRow_tenantId_importId_fkey" FOREIGN KEY ("tenantId", "importId") REFERENCES "UserImport"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

