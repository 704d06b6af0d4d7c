-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "productIds" UUID[] DEFAULT ARRAY[]::UUID[];

-- CreateIndex
CREATE INDEX "LicenseAssignment_tenantId_productId_createdAt_idx" ON "LicenseAssignment"("tenantId", "productId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_productIds_idx" ON "AuditEvent" USING GIN ("productIds");

-- CreateIndex
CREATE INDEX "AuditEvent_tenantId_actorUserId_createdAt_idx" ON "AuditEvent"("tenantId", "actorUserId", "createdAt" DESC);

