-- Foreign keys between tenant tables pair tenantId with tenantId (docs/scaling.md). Adding them checks existing rows:
-- a row whose tenant differs from its user's, group's or environment's stops the migration, as it should.
-- DropForeignKey
ALTER TABLE "RoleAssignment" DROP CONSTRAINT "RoleAssignment_userId_fkey";

-- DropForeignKey
ALTER TABLE "LicenseAssignment" DROP CONSTRAINT "LicenseAssignment_userId_fkey";

-- DropForeignKey
ALTER TABLE "LicenseAssignment" DROP CONSTRAINT "LicenseAssignment_assignedByGroupId_fkey";

-- DropForeignKey
ALTER TABLE "LicenseRequest" DROP CONSTRAINT "LicenseRequest_requesterUserId_fkey";

-- DropForeignKey
ALTER TABLE "DlpPolicy" DROP CONSTRAINT "DlpPolicy_environmentId_fkey";

-- DropIndex
DROP INDEX "RoleAssignment_userId_role_key";

-- DropIndex
DROP INDEX "LicenseAssignment_userId_productId_assignedByGroupId_key";

-- CreateIndex
CREATE UNIQUE INDEX "RoleAssignment_userId_role_tenantId_key" ON "RoleAssignment"("userId", "role", "tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "LicenseAssignment_userId_productId_assignedByGroupId_tenant_key" ON "LicenseAssignment"("userId", "productId", "assignedByGroupId", "tenantId");

-- AddForeignKey
ALTER TABLE "RoleAssignment" ADD CONSTRAINT "RoleAssignment_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseAssignment" ADD CONSTRAINT "LicenseAssignment_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseAssignment" ADD CONSTRAINT "LicenseAssignment_tenantId_assignedByGroupId_fkey" FOREIGN KEY ("tenantId", "assignedByGroupId") REFERENCES "Group"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseRequest" ADD CONSTRAINT "LicenseRequest_tenantId_requesterUserId_fkey" FOREIGN KEY ("tenantId", "requesterUserId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DlpPolicy" ADD CONSTRAINT "DlpPolicy_tenantId_environmentId_fkey" FOREIGN KEY ("tenantId", "environmentId") REFERENCES "Environment"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

