-- Invoice numbers count per tenant from now on (INV-000001 in each), instead of one sequence across the platform
-- that told every customer how much the platform sells.

-- DropIndex
DROP INDEX "Invoice_number_key";

-- Existing invoices follow the new rule: renumbered per tenant in issue order (ties in their old number's order).
-- Six digits at least, like the API writes them (lpad alone would cut a seventh digit off).
UPDATE "Invoice" AS invoice
   SET number = 'INV-' || CASE WHEN numbered.seq < 1000000 THEN lpad(numbered.seq::text, 6, '0') ELSE numbered.seq::text END
  FROM (SELECT id, row_number() OVER (PARTITION BY "tenantId" ORDER BY "issuedAt", number, id) AS seq
          FROM "Invoice") AS numbered
 WHERE invoice.id = numbered.id;

-- CreateTable
CREATE TABLE "InvoiceCounter" (
    "tenantId" UUID NOT NULL,
    "lastNumber" INTEGER NOT NULL,

    CONSTRAINT "InvoiceCounter_pkey" PRIMARY KEY ("tenantId")
);

-- Each tenant's counter goes on from its last number.
INSERT INTO "InvoiceCounter" ("tenantId", "lastNumber")
SELECT "tenantId", count(*) FROM "Invoice" GROUP BY "tenantId";

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_tenantId_number_key" ON "Invoice"("tenantId", "number");

-- AddForeignKey
ALTER TABLE "InvoiceCounter" ADD CONSTRAINT "InvoiceCounter_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

