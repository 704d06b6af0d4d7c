-- CreateTable
CREATE TABLE "RateWindow" (
    "key" TEXT NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "used" INTEGER NOT NULL,
    "capacity" INTEGER NOT NULL,
    "lastAllowed" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "RateWindow_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateWindow_endsAt_idx" ON "RateWindow"("endsAt");

