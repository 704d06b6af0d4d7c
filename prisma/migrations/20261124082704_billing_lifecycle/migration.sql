-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "cardLast4" TEXT,
ADD COLUMN     "paymentProvider" TEXT NOT NULL DEFAULT 'invoice';

-- AlterTable
ALTER TABLE "TenantProduct" ADD COLUMN     "conflictResolveBy" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "LicenseAssignment" ADD COLUMN     "subscriptionId" UUID;

-- AlterTable
ALTER TABLE "LicenseRequest" ADD COLUMN     "fulfilledWithProductId" UUID;

-- CreateIndex
CREATE INDEX "LicenseAssignment_subscriptionId_idx" ON "LicenseAssignment"("subscriptionId");

-- AddForeignKey
ALTER TABLE "LicenseAssignment" ADD CONSTRAINT "LicenseAssignment_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "Subscription"("id") ON DELETE SET NULL ON UPDATE CASCADE;

