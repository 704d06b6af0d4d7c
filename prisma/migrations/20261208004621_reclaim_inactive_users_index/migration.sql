-- CreateIndex
CREATE INDEX "User_tenantId_lastSignInAt_createdAt_idx" ON "User"("tenantId", "lastSignInAt", "createdAt");

