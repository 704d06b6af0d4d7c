import type { EnvironmentCapacity, SetEnvironmentCapacityRequest } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { type CapacityType, type CapacityUnits, checkAllocation, NO_UNITS } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { missingInWords, shortfallExtension } from "./capacity-shortfall.js";
import {
  allocatedUnits,
  boughtUnits,
  type CapacityProduct,
  capacityProducts,
  environmentAllocation,
  environmentDemand,
  lockEnvironment,
  lockTenantCapacity,
} from "./capacity-state.js";
import { environmentCapacity } from "./capacity-view.js";

/**
 * Sets the whole set of add-ons allocated to one environment (an add-on left out: 0). Over all environments no add-on
 * may be allocated beyond what is bought (409 CapacityExceeded), unless it does not grow, so an over-allocation can
 * always be lowered; the environment keeps what its flows and machines use (409 CapacityInUse). Takes the tenant's
 * capacity lock, then the environment's row (capacity-state.ts), so concurrent edits never over-allocate.
 */
export async function setEnvironmentCapacity(
  ctx: TenantContext,
  environmentId: string,
  body: SetEnvironmentCapacityRequest,
): Promise<EnvironmentCapacity> {
  return ctx.db.$transaction(async (tx) => {
    const products = await capacityProducts(tx);
    const next = requestedUnits(body, products);
    await lockTenantCapacity(tx, ctx.tenantId);
    const environment = await lockEnvironment(tx, ctx.tenantId, environmentId);
    const [bought, allocatedInTenant, current, demand] = await Promise.all([
      boughtUnits(tx, ctx.tenantId),
      allocatedUnits(tx, ctx.tenantId),
      environmentAllocation(tx, environmentId),
      environmentDemand(tx, environmentId),
    ]);
    const check = checkAllocation({ bought, allocatedInTenant, current, next, demand });
    if (!check.ok && check.code === "CapacityExceeded") {
      const exceeded = check.exceeded.map((row) => ({ ...productOf(products, row.type), ...row }));
      throw new AppError(
        "CapacityExceeded",
        `Not enough capacity bought: ${exceeded
          .map((row) => `${row.displayName}: ${row.requested} would be allocated, ${row.bought} bought`)
          .join("; ")}. Buy more or lower another environment's allocation.`,
        {
          extensions: {
            exceeded: exceeded.map((row) => ({
              skuId: row.skuId,
              skuPartNumber: row.skuPartNumber,
              bought: row.bought,
              requested: row.requested,
            })),
          },
        },
      );
    }
    if (!check.ok) {
      throw new AppError(
        "CapacityInUse",
        `"${environment.name}" would lack ${missingInWords(check.shortfall, products)} its flows and machines use: ` +
          "switch those flows to their owner's license or remove machines first.",
        { extensions: await shortfallExtension(tx, environmentId, check.shortfall, products) },
      );
    }
    await writeAllocation(tx, ctx.tenantId, environmentId, products, next);
    await audit(tx, ctx, {
      action: "powerPlatform.capacityAllocated",
      targetType: "environment",
      targetId: environmentId,
      productIds: products.map((product) => product.productId),
      before: byPartNumber(products, current),
      after: byPartNumber(products, next),
    });
    return environmentCapacity(tx, ctx.tenantId, environmentId);
  });
}

/** The body as units per add-on: every skuId must name a capacity add-on, once. */
function requestedUnits(body: SetEnvironmentCapacityRequest, products: readonly CapacityProduct[]): CapacityUnits {
  const next: Record<CapacityType, number> = { ...NO_UNITS };
  const seen = new Set<string>();
  body.allocations.forEach((allocation, index) => {
    const skuId = allocation.skuId.toLowerCase();
    const path = `body.allocations.${index}.skuId`;
    const product = products.find((candidate) => candidate.skuId.toLowerCase() === skuId);
    if (!product) {
      throw new AppError("ValidationFailed", "Only capacity add-ons can be allocated to an environment.", {
        errors: [{ path, message: "is not a capacity add-on", skuId: allocation.skuId }],
      });
    }
    if (seen.has(skuId)) {
      throw new AppError("ValidationFailed", `${product.skuPartNumber} is listed twice.`, {
        errors: [{ path, message: "is listed twice", skuId: allocation.skuId }],
      });
    }
    seen.add(skuId);
    next[product.capacityType] = allocation.quantity;
  });
  return next;
}

async function writeAllocation(
  tx: Tx,
  tenantId: string,
  environmentId: string,
  products: readonly CapacityProduct[],
  next: CapacityUnits,
): Promise<void> {
  const none = products.filter((product) => next[product.capacityType] === 0).map((product) => product.productId);
  await tx.capacityAllocation.deleteMany({ where: { environmentId, productId: { in: none } } });
  for (const product of products) {
    const quantity = next[product.capacityType];
    if (quantity === 0) continue;
    await tx.capacityAllocation.upsert({
      where: { environmentId_productId_tenantId: { environmentId, productId: product.productId, tenantId } },
      create: { tenantId, environmentId, productId: product.productId, quantity },
      update: { quantity },
    });
  }
}

function productOf(products: readonly CapacityProduct[], type: CapacityType) {
  const product = products.find((candidate) => candidate.capacityType === type);
  if (!product) throw new Error(`no capacity product of type ${type}`);
  return product;
}

function byPartNumber(products: readonly CapacityProduct[], value: CapacityUnits): Record<string, number> {
  return Object.fromEntries(products.map((product) => [product.skuPartNumber, value[product.capacityType]]));
}
