-- AlterTable
ALTER TABLE "LicenseJob" ADD COLUMN     "errorCode" TEXT;

