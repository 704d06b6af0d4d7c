import { Prisma, type SqlTx } from "@allot/db";
import { type AuditEntry, auditBySystem } from "../../lib/audit.js";
import { shortfallOf } from "./conflict-deadline.js";

export type RemovalReason = "subscriptionDeleted" | "conflictDeadlinePassed";

/**
 * Takes licenses away until every holder of the product has a seat behind it again (a subscription was deleted, or
 * an accepted conflict's 90 days passed). Assignments a buyer gave from a deleted self-service subscription go
 * first (they were its seats); then the most recent holders: a direct assignment is removed, an inherited one is
 * put in error (CountViolation) so its group shows why. Each person's loss is audited. The caller holds the
 * product's seat row lock.
 */
export async function removeExcessHolders(
  tx: SqlTx,
  tenantId: string,
  productId: string,
  reason: RemovalReason,
  context: { requestId: string; subscriptionId?: string; deletedSelfService?: boolean },
): Promise<number> {
  const affected: string[] = [];
  if (context.deletedSelfService && context.subscriptionId) {
    const rows = await tx.$queryRaw<Array<{ userId: string }>>`
      DELETE FROM "LicenseAssignment" WHERE "subscriptionId" = ${context.subscriptionId}::uuid
      RETURNING "userId"::text AS "userId"`;
    affected.push(
      ...(await stillLosing(
        tx,
        productId,
        rows.map((row) => row.userId),
      )),
    );
  }
  await adjustConsumed(tx, tenantId, productId, affected.length);
  let shortfall = await shortfallOf(tx, tenantId, productId);
  if (shortfall > 0) {
    // Newest holders first; each loses the product entirely (direct rows deleted, inherited rows in error).
    const victims = await tx.$queryRaw<Array<{ userId: string }>>`
      SELECT la."userId"::text AS "userId" FROM "LicenseAssignment" la
       WHERE la."tenantId" = ${tenantId}::uuid AND la."productId" = ${productId}::uuid AND la.state <> 'error'
       GROUP BY la."userId" ORDER BY max(la."createdAt") DESC, la."userId" DESC LIMIT ${shortfall}`;
    const ids = victims.map((row) => row.userId);
    if (ids.length > 0) {
      await tx.$executeRaw`
        DELETE FROM "LicenseAssignment" WHERE "productId" = ${productId}::uuid AND "userId" = ANY(${ids}::uuid[])
           AND "assignedByGroupId" IS NULL`;
      await tx.$executeRaw`
        UPDATE "LicenseAssignment" SET state = 'error', "errorCode" = 'CountViolation', "updatedAt" = now()
         WHERE "productId" = ${productId}::uuid AND "userId" = ANY(${ids}::uuid[]) AND "assignedByGroupId" IS NOT NULL`;
      await adjustConsumed(tx, tenantId, productId, ids.length);
      affected.push(...ids);
    }
    shortfall = await shortfallOf(tx, tenantId, productId);
  }
  const [sku] = await tx.$queryRaw<
    Array<{ skuId: string }>
  >`SELECT "skuId" FROM "Product" WHERE id = ${productId}::uuid`;
  if (!sku) throw new Error(`Product ${productId} is not in the catalog.`);
  const entries: AuditEntry[] = affected.map((userId) => ({
    action: "licenses.removedByLifecycle",
    targetType: "user",
    targetId: userId,
    productIds: [productId],
    before: { licenses: [{ skuId: sku.skuId }] },
    after: { reason, ...(context.subscriptionId ? { subscriptionId: context.subscriptionId } : {}) },
  }));
  await auditBySystem(tx, tenantId, entries, context.requestId);
  return affected.length;
}

/** Of users whose direct row went, those who no longer hold the product in effect (no working inherited row). */
async function stillLosing(tx: SqlTx, productId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const keep = await tx.$queryRaw<Array<{ userId: string }>>`
    SELECT DISTINCT "userId"::text AS "userId" FROM "LicenseAssignment"
     WHERE "productId" = ${productId}::uuid AND "userId" = ANY(${userIds}::uuid[]) AND state <> 'error'`;
  const kept = new Set(keep.map((row) => row.userId));
  return userIds.filter((id) => !kept.has(id));
}

async function adjustConsumed(tx: SqlTx, tenantId: string, productId: string, freed: number) {
  if (freed === 0) return;
  await tx.$executeRaw(Prisma.sql`
    UPDATE "TenantProduct" SET "consumedUnits" = GREATEST(0, "consumedUnits" - ${freed})
     WHERE "tenantId" = ${tenantId}::uuid AND "productId" = ${productId}::uuid`);
}
