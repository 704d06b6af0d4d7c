-- DropForeignKey
ALTER TABLE "DelegatedAccess" DROP CONSTRAINT "DelegatedAccess_partnerUserId_fkey";

-- DropForeignKey
ALTER TABLE "GroupMember" DROP CONSTRAINT "GroupMember_groupId_fkey";

-- DropForeignKey
ALTER TABLE "GroupMember" DROP CONSTRAINT "GroupMember_userId_fkey";

-- DropForeignKey
ALTER TABLE "GroupLicense" DROP CONSTRAINT "GroupLicense_groupId_fkey";

-- DropForeignKey
ALTER TABLE "LicenseJobResult" DROP CONSTRAINT "LicenseJobResult_jobId_fkey";

-- DropForeignKey
ALTER TABLE "InvoiceLine" DROP CONSTRAINT "InvoiceLine_invoiceId_fkey";

-- DropForeignKey
ALTER TABLE "CapacityAllocation" DROP CONSTRAINT "CapacityAllocation_environmentId_fkey";

-- DropForeignKey
ALTER TABLE "Flow" DROP CONSTRAINT "Flow_environmentId_fkey";

-- DropForeignKey
ALTER TABLE "Flow" DROP CONSTRAINT "Flow_ownerUserId_fkey";

-- DropForeignKey
ALTER TABLE "FlowCoOwner" DROP CONSTRAINT "FlowCoOwner_flowId_fkey";

-- DropForeignKey
ALTER TABLE "FlowCoOwner" DROP CONSTRAINT "FlowCoOwner_userId_fkey";

-- DropForeignKey
ALTER TABLE "Machine" DROP CONSTRAINT "Machine_environmentId_fkey";

-- DropForeignKey
ALTER TABLE "IndividualTrial" DROP CONSTRAINT "IndividualTrial_userId_fkey";

-- DropForeignKey
ALTER TABLE "Session" DROP CONSTRAINT "Session_userId_fkey";

-- DropForeignKey
ALTER TABLE "ApplicationSecret" DROP CONSTRAINT "ApplicationSecret_applicationId_fkey";

-- DropForeignKey
ALTER TABLE "PersonalAccessToken" DROP CONSTRAINT "PersonalAccessToken_userId_fkey";

-- DropIndex
DROP INDEX "DelegatedAccess_relationshipId_partnerUserId_role_key";

-- DropIndex
DROP INDEX "User_tenantId_id_idx";

-- DropIndex
DROP INDEX "GroupLicense_groupId_productId_key";

-- DropIndex
DROP INDEX "CapacityAllocation_environmentId_productId_key";

-- DropIndex
DROP INDEX "Machine_environmentId_name_key";

-- DropIndex
DROP INDEX "IndividualTrial_userId_productId_key";

-- Every child table gets its tenant's id (docs/scaling.md: a tenant table carries tenantId, so that sharded by
-- tenant its rows sit on the shard of their parent's). Added nullable, filled from the parent, then required.
-- In keys and unique indexes tenantId comes last: Citus needs it included, not leading, and lookups by the
-- leading columns alone (a group's members, a job's results) keep their index.
-- AlterTable
ALTER TABLE "DelegatedAccess" ADD COLUMN     "tenantId" UUID;
UPDATE "DelegatedAccess" c SET "tenantId" = p."tenantId" FROM "User" p WHERE p."id" = c."partnerUserId";
ALTER TABLE "DelegatedAccess" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "GroupMember" ADD COLUMN     "tenantId" UUID;
UPDATE "GroupMember" c SET "tenantId" = p."tenantId" FROM "Group" p WHERE p."id" = c."groupId";
ALTER TABLE "GroupMember" ALTER COLUMN "tenantId" SET NOT NULL;
ALTER TABLE "GroupMember" DROP CONSTRAINT "GroupMember_pkey",
ADD CONSTRAINT "GroupMember_pkey" PRIMARY KEY ("groupId", "userId", "tenantId");

-- AlterTable
ALTER TABLE "GroupLicense" ADD COLUMN     "tenantId" UUID;
UPDATE "GroupLicense" c SET "tenantId" = p."tenantId" FROM "Group" p WHERE p."id" = c."groupId";
ALTER TABLE "GroupLicense" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "LicenseJobResult" ADD COLUMN     "tenantId" UUID;
UPDATE "LicenseJobResult" c SET "tenantId" = p."tenantId" FROM "LicenseJob" p WHERE p."id" = c."jobId";
ALTER TABLE "LicenseJobResult" ALTER COLUMN "tenantId" SET NOT NULL;
ALTER TABLE "LicenseJobResult" DROP CONSTRAINT "LicenseJobResult_pkey",
ADD CONSTRAINT "LicenseJobResult_pkey" PRIMARY KEY ("jobId", "userId", "tenantId");

-- AlterTable
ALTER TABLE "InvoiceLine" ADD COLUMN     "tenantId" UUID;
UPDATE "InvoiceLine" c SET "tenantId" = p."tenantId" FROM "Invoice" p WHERE p."id" = c."invoiceId";
ALTER TABLE "InvoiceLine" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "CapacityAllocation" ADD COLUMN     "tenantId" UUID;
UPDATE "CapacityAllocation" c SET "tenantId" = p."tenantId" FROM "Environment" p WHERE p."id" = c."environmentId";
ALTER TABLE "CapacityAllocation" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Flow" ADD COLUMN     "tenantId" UUID;
UPDATE "Flow" c SET "tenantId" = p."tenantId" FROM "Environment" p WHERE p."id" = c."environmentId";
ALTER TABLE "Flow" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "FlowCoOwner" ADD COLUMN     "tenantId" UUID;
UPDATE "FlowCoOwner" c SET "tenantId" = p."tenantId" FROM "Flow" p WHERE p."id" = c."flowId";
ALTER TABLE "FlowCoOwner" ALTER COLUMN "tenantId" SET NOT NULL;
ALTER TABLE "FlowCoOwner" DROP CONSTRAINT "FlowCoOwner_pkey",
ADD CONSTRAINT "FlowCoOwner_pkey" PRIMARY KEY ("flowId", "userId", "tenantId");

-- AlterTable
ALTER TABLE "Machine" ADD COLUMN     "tenantId" UUID;
UPDATE "Machine" c SET "tenantId" = p."tenantId" FROM "Environment" p WHERE p."id" = c."environmentId";
ALTER TABLE "Machine" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "IndividualTrial" ADD COLUMN     "tenantId" UUID;
UPDATE "IndividualTrial" c SET "tenantId" = p."tenantId" FROM "User" p WHERE p."id" = c."userId";
ALTER TABLE "IndividualTrial" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "tenantId" UUID;
UPDATE "Session" c SET "tenantId" = p."tenantId" FROM "User" p WHERE p."id" = c."userId";
ALTER TABLE "Session" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "ApplicationSecret" ADD COLUMN     "tenantId" UUID;
UPDATE "ApplicationSecret" c SET "tenantId" = p."tenantId" FROM "Application" p WHERE p."id" = c."applicationId";
ALTER TABLE "ApplicationSecret" ALTER COLUMN "tenantId" SET NOT NULL;

-- AlterTable
ALTER TABLE "PersonalAccessToken" ADD COLUMN     "tenantId" UUID;
UPDATE "PersonalAccessToken" c SET "tenantId" = p."tenantId" FROM "User" p WHERE p."id" = c."userId";
ALTER TABLE "PersonalAccessToken" ALTER COLUMN "tenantId" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "DelegatedAccess_relationshipId_partnerUserId_role_tenantId_key" ON "DelegatedAccess"("relationshipId", "partnerUserId", "role", "tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "User_tenantId_id_key" ON "User"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Group_tenantId_id_key" ON "Group"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "GroupLicense_groupId_productId_tenantId_key" ON "GroupLicense"("groupId", "productId", "tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "LicenseJob_tenantId_id_key" ON "LicenseJob"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_tenantId_id_key" ON "Invoice"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Environment_tenantId_id_key" ON "Environment"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "CapacityAllocation_environmentId_productId_tenantId_key" ON "CapacityAllocation"("environmentId", "productId", "tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "Flow_tenantId_id_key" ON "Flow"("tenantId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Machine_environmentId_name_tenantId_key" ON "Machine"("environmentId", "name", "tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "IndividualTrial_userId_productId_tenantId_key" ON "IndividualTrial"("userId", "productId", "tenantId");

-- CreateIndex
CREATE UNIQUE INDEX "Application_tenantId_id_key" ON "Application"("tenantId", "id");

-- AddForeignKey
ALTER TABLE "DelegatedAccess" ADD CONSTRAINT "DelegatedAccess_tenantId_partnerUserId_fkey" FOREIGN KEY ("tenantId", "partnerUserId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMember" ADD CONSTRAINT "GroupMember_tenantId_groupId_fkey" FOREIGN KEY ("tenantId", "groupId") REFERENCES "Group"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMember" ADD CONSTRAINT "GroupMember_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupLicense" ADD CONSTRAINT "GroupLicense_tenantId_groupId_fkey" FOREIGN KEY ("tenantId", "groupId") REFERENCES "Group"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenseJobResult" ADD CONSTRAINT "LicenseJobResult_tenantId_jobId_fkey" FOREIGN KEY ("tenantId", "jobId") REFERENCES "LicenseJob"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InvoiceLine" ADD CONSTRAINT "InvoiceLine_tenantId_invoiceId_fkey" FOREIGN KEY ("tenantId", "invoiceId") REFERENCES "Invoice"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CapacityAllocation" ADD CONSTRAINT "CapacityAllocation_tenantId_environmentId_fkey" FOREIGN KEY ("tenantId", "environmentId") REFERENCES "Environment"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flow" ADD CONSTRAINT "Flow_tenantId_environmentId_fkey" FOREIGN KEY ("tenantId", "environmentId") REFERENCES "Environment"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Flow" ADD CONSTRAINT "Flow_tenantId_ownerUserId_fkey" FOREIGN KEY ("tenantId", "ownerUserId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowCoOwner" ADD CONSTRAINT "FlowCoOwner_tenantId_flowId_fkey" FOREIGN KEY ("tenantId", "flowId") REFERENCES "Flow"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FlowCoOwner" ADD CONSTRAINT "FlowCoOwner_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Machine" ADD CONSTRAINT "Machine_tenantId_environmentId_fkey" FOREIGN KEY ("tenantId", "environmentId") REFERENCES "Environment"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndividualTrial" ADD CONSTRAINT "IndividualTrial_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationSecret" ADD CONSTRAINT "ApplicationSecret_tenantId_applicationId_fkey" FOREIGN KEY ("tenantId", "applicationId") REFERENCES "Application"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonalAccessToken" ADD CONSTRAINT "PersonalAccessToken_tenantId_userId_fkey" FOREIGN KEY ("tenantId", "userId") REFERENCES "User"("tenantId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

