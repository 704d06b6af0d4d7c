import type { Db, Tx } from "@allot/db";
import { type AuditEntry, auditBySystem } from "../../lib/audit.js";
import { lockSeats } from "../seats/seat-ledger.js";

export interface TrialExpiryReport {
  /** Trial licenses (Power Automate Free) removed because their own 90 days were over. */
  trialLicensesExpired: number;
  /** Individual trials that ended (deleted: they stop showing on their person's My licenses). */
  individualTrialsEnded: number;
}

const TRANSACTION = { maxWait: 30_000, timeout: 120_000 } as const;

/**
 * The lifecycle job's trial step: every license whose own end (`expiresAt`) has come is removed, its seat freed
 * and its loss audited (`licenses.trialLicenseExpired`, by the system), one tenant × product per transaction under
 * the product's seat row lock, re-reading what is due under the lock (so two runs at once remove each once). Then
 * individual trials that ended are deleted.
 */
export async function expireTrials(db: Db, now: Date, requestId: string): Promise<TrialExpiryReport> {
  const report: TrialExpiryReport = { trialLicensesExpired: 0, individualTrialsEnded: 0 };
  const due = await db.$queryRaw<Array<{ tenantId: string; productId: string }>>`
    SELECT DISTINCT "tenantId"::text AS "tenantId", "productId"::text AS "productId" FROM "LicenseAssignment"
     WHERE "expiresAt" <= ${now}`;
  for (const pair of due) {
    report.trialLicensesExpired += await db.$transaction(
      (tx) => expireLicenses(tx, pair.tenantId, pair.productId, now, requestId),
      TRANSACTION,
    );
  }
  const ended = await db.individualTrial.deleteMany({ where: { expiresAt: { lte: now } } });
  report.individualTrialsEnded = ended.count;
  return report;
}

async function expireLicenses(tx: Tx, tenantId: string, productId: string, now: Date, requestId: string) {
  await lockSeats(tx, tenantId, [productId]);
  const removed = await tx.$queryRaw<Array<{ userId: string; held: boolean; expiresAt: Date }>>`
    DELETE FROM "LicenseAssignment"
     WHERE "tenantId" = ${tenantId}::uuid AND "productId" = ${productId}::uuid AND "expiresAt" <= ${now}
    RETURNING "userId"::text AS "userId", state <> 'error' AS held, "expiresAt"`;
  if (removed.length === 0) return 0;
  // A seat is freed for each person who held the product in effect and now holds it no more (a group may still
  // license them, with a later end).
  const heldBefore = [...new Set(removed.filter((row) => row.held).map((row) => row.userId))];
  const still = await tx.$queryRaw<Array<{ userId: string }>>`
    SELECT DISTINCT "userId"::text AS "userId" FROM "LicenseAssignment"
     WHERE "productId" = ${productId}::uuid AND "userId" = ANY(${heldBefore}::uuid[]) AND state <> 'error'`;
  const kept = new Set(still.map((row) => row.userId));
  const freed = heldBefore.filter((userId) => !kept.has(userId)).length;
  if (freed > 0) {
    await tx.$executeRaw`
      UPDATE "TenantProduct" SET "consumedUnits" = GREATEST(0, "consumedUnits" - ${freed})
       WHERE "tenantId" = ${tenantId}::uuid AND "productId" = ${productId}::uuid`;
  }
  const sku = await tx.product.findUniqueOrThrow({ where: { id: productId }, select: { skuId: true } });
  const entries: AuditEntry[] = removed.map((row) => ({
    action: "licenses.trialLicenseExpired",
    targetType: "user",
    targetId: row.userId,
    productIds: [productId],
    before: { licenses: [{ skuId: sku.skuId }], expiresAt: row.expiresAt },
    after: { licenses: [] },
  }));
  await auditBySystem(tx, tenantId, entries, requestId);
  return removed.length;
}
