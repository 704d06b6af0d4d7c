import type { SelfServicePolicy } from "@allot/contracts";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { lockSeats } from "../seats/seat-ledger.js";
import { productBySkuId } from "./access.js";

/** Allows or stops self-service purchases of a product in the tenant (audited when it changes). */
export async function setSelfServicePolicy(
  ctx: TenantContext,
  skuId: string,
  enabled: boolean,
): Promise<SelfServicePolicy> {
  return ctx.db.$transaction(async (tx) => {
    const product = await productBySkuId(tx, skuId, "params.skuId");
    if (product.kind !== "user") {
      throw new AppError("ValidationFailed", "Capacity add-ons cannot be bought through self-service.", {
        errors: [{ path: "params.skuId", message: "is a capacity add-on" }],
      });
    }
    await lockSeats(tx, ctx.tenantId, [product.id]);
    const before = await tx.tenantProduct.findUniqueOrThrow({
      where: { tenantId_productId: { tenantId: ctx.tenantId, productId: product.id } },
    });
    if (before.selfServicePurchaseEnabled !== enabled) {
      await tx.tenantProduct.update({
        where: { tenantId_productId: { tenantId: ctx.tenantId, productId: product.id } },
        data: { selfServicePurchaseEnabled: enabled },
      });
      await audit(tx, ctx, {
        action: "billing.selfServicePolicyChanged",
        targetType: "product",
        targetId: product.skuId,
        productIds: [product.id],
        before: { enabled: before.selfServicePurchaseEnabled },
        after: { enabled },
      });
    }
    return {
      skuId: product.skuId,
      skuPartNumber: product.skuPartNumber,
      productName: product.displayName,
      available: product.selfServiceAvailable,
      enabled,
    };
  });
}
