import type { Tx } from "@allot/db";

type Reader = Pick<Tx, "$queryRaw">;

/**
 * Whether makers of the tenant may buy each product for themselves: the product offers self-service and the tenant
 * has not turned it off (Microsoft's AllowSelfServicePurchase policy; on unless a billing admin turns it off).
 */
export async function selfServiceAllowed(db: Reader, tenantId: string): Promise<Map<string, boolean>> {
  const rows = await db.$queryRaw<Array<{ productId: string; allowed: boolean }>>`
    SELECT p.id::text AS "productId",
           p."selfServiceAvailable" AND COALESCE(tp."selfServicePurchaseEnabled", true) AS allowed
      FROM "Product" p
      LEFT JOIN "TenantProduct" tp ON tp."productId" = p.id AND tp."tenantId" = ${tenantId}::uuid`;
  return new Map(rows.map((row) => [row.productId, row.allowed]));
}

/** Products the tenant has already had a trial of (a trial is once per product per tenant, converted or not). */
export async function trialedProducts(db: Reader, tenantId: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<Array<{ productId: string }>>`
    SELECT DISTINCT "productId"::text AS "productId" FROM "Subscription"
     WHERE "tenantId" = ${tenantId}::uuid AND source = 'trial'
    UNION
    SELECT DISTINCT "productId"::text FROM "Order" WHERE "tenantId" = ${tenantId}::uuid AND kind IN ('trial', 'trialConversion')`;
  return new Set(rows.map((row) => row.productId));
}

/** Per product the tenant has a seat row for: whether people may sign up for its trial (on unless turned off). */
export async function trialSignUpAllowed(db: Reader, tenantId: string): Promise<Map<string, boolean>> {
  const rows = await db.$queryRaw<Array<{ productId: string; allowed: boolean }>>`
    SELECT "productId"::text AS "productId", "trialSignUpEnabled" AS allowed
      FROM "TenantProduct" WHERE "tenantId" = ${tenantId}::uuid`;
  return new Map(rows.map((row) => [row.productId, row.allowed]));
}
