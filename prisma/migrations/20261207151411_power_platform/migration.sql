-- AlterEnum
ALTER TYPE "TenantRole" ADD VALUE 'powerPlatformAdmin';

-- AlterEnum
ALTER TYPE "EnvironmentType" ADD VALUE 'default';

-- AlterTable
ALTER TABLE "TenantProduct" ADD COLUMN     "trialSignUpEnabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "LicenseAssignment" ADD COLUMN     "expiresAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Environment" ADD COLUMN     "isDefault" BOOLEAN;

-- AlterTable
ALTER TABLE "Flow" DROP COLUMN "machines",
DROP COLUMN "parallelRuns",
ADD COLUMN     "connectors" TEXT[],
ADD COLUMN     "description" TEXT,
ADD COLUMN     "suspendedByDlp" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL;

-- CreateTable
CREATE TABLE "Machine" (
    "id" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "parallelRuns" INTEGER NOT NULL DEFAULT 1,
    "hosted" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Machine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DlpPolicy" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "environmentId" UUID,
    "name" TEXT NOT NULL,
    "businessConnectors" TEXT[],
    "nonBusinessConnectors" TEXT[],
    "blockedConnectors" TEXT[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DlpPolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndividualTrial" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "IndividualTrial_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Machine_environmentId_name_key" ON "Machine"("environmentId", "name");

-- CreateIndex
CREATE INDEX "DlpPolicy_environmentId_idx" ON "DlpPolicy"("environmentId");

-- CreateIndex
CREATE UNIQUE INDEX "DlpPolicy_tenantId_name_key" ON "DlpPolicy"("tenantId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "IndividualTrial_userId_productId_key" ON "IndividualTrial"("userId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "Environment_tenantId_isDefault_key" ON "Environment"("tenantId", "isDefault");

-- AddForeignKey
ALTER TABLE "Machine" ADD CONSTRAINT "Machine_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DlpPolicy" ADD CONSTRAINT "DlpPolicy_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DlpPolicy" ADD CONSTRAINT "DlpPolicy_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "Environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndividualTrial" ADD CONSTRAINT "IndividualTrial_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndividualTrial" ADD CONSTRAINT "IndividualTrial_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

