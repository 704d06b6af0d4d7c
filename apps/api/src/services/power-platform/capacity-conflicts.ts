import type { CapacityConflict } from "@allot/contracts";
import type { Db } from "@allot/db";
import { capacityBalance } from "@allot/domain";
import { allocatedUnits, boughtUnits, capacityProducts } from "./capacity-state.js";

/**
 * Capacity add-ons allocated beyond what is bought and usable (a subscription shrank, expired or was disabled): a
 * license conflict, with the environments holding the allocation (largest first) to lower. Composed into the License
 * conflicts report by its route, so the licenses area does not import this one.
 */
export async function capacityConflicts(db: Db, tenantId: string): Promise<CapacityConflict[]> {
  const [products, bought, allocated] = await Promise.all([
    capacityProducts(db),
    boughtUnits(db, tenantId),
    allocatedUnits(db, tenantId),
  ]);
  const over = products
    .map((product) => {
      const type = product.capacityType;
      const { overAllocated } = capacityBalance({ type, bought: bought[type], allocated: allocated[type] });
      return { product, bought: bought[type], allocated: allocated[type], overAllocated };
    })
    .filter((row) => row.overAllocated > 0);
  if (over.length === 0) return [];
  const allocations = await db.capacityAllocation.findMany({
    where: {
      environment: { tenantId },
      productId: { in: over.map((row) => row.product.productId) },
      quantity: { gt: 0 },
    },
    select: { productId: true, quantity: true, environment: { select: { id: true, name: true } } },
    orderBy: [{ quantity: "desc" }, { environment: { name: "asc" } }],
  });
  return over.map((row) => ({
    skuId: row.product.skuId,
    skuPartNumber: row.product.skuPartNumber,
    displayName: row.product.displayName,
    capacityType: row.product.capacityType,
    bought: row.bought,
    allocated: row.allocated,
    overAllocated: row.overAllocated,
    environments: allocations
      .filter((allocation) => allocation.productId === row.product.productId)
      .map((allocation) => ({ ...allocation.environment, quantity: allocation.quantity })),
  }));
}
