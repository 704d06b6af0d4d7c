import type { AuditEntry } from "../../lib/audit.js";
import type { Catalog } from "./catalog.js";
import type { AssignmentRow } from "./holdings.js";

/** One audit event per member whose inherited licenses changed, so the log filtered by user shows them. */
export function memberAuditEntries(
  catalog: Catalog,
  deleted: readonly AssignmentRow[],
  written: ReadonlyArray<{ userId: string; productId: string; groupId: string; code: string | null }>,
  planChanges: ReadonlyArray<{ userId: string; productId: string; groupId: string }>,
): AuditEntry[] {
  const sku = (productId: string) => catalog.byId.get(productId)?.skuId ?? productId;
  const byUser = new Map<
    string,
    { applied: object[]; errors: object[]; removed: object[]; plansChanged: object[]; productIds: Set<string> }
  >();
  const entryOf = (userId: string) => {
    let entry = byUser.get(userId);
    if (!entry) {
      entry = { applied: [], errors: [], removed: [], plansChanged: [], productIds: new Set() };
      byUser.set(userId, entry);
    }
    return entry;
  };
  for (const row of deleted) {
    const entry = entryOf(row.userId);
    entry.removed.push({ skuId: sku(row.productId), groupId: row.assignedByGroupId });
    entry.productIds.add(row.productId);
  }
  for (const row of written) {
    const entry = entryOf(row.userId);
    if (row.code) entry.errors.push({ skuId: sku(row.productId), groupId: row.groupId, error: row.code });
    else entry.applied.push({ skuId: sku(row.productId), groupId: row.groupId });
    entry.productIds.add(row.productId);
  }
  for (const row of planChanges) {
    const entry = entryOf(row.userId);
    entry.plansChanged.push({ skuId: sku(row.productId), groupId: row.groupId });
    entry.productIds.add(row.productId);
  }
  return [...byUser].map(([userId, { productIds, ...after }]) => ({
    action: "user.inheritedLicensesChanged",
    targetType: "user",
    targetId: userId,
    productIds: [...productIds].sort(),
    after,
  }));
}
