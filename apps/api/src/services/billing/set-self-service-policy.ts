import type { SelfServicePolicy } from "@allot/contracts";
import { isTrialSignUpProduct } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { lockSeats } from "../seats/seat-ledger.js";
import { productBySkuId } from "./access.js";

/**
 * Allows or stops self-service purchases of a product in the tenant, and for a product with a trial sign-up (Power
 * Automate Free) whether people may sign up for it themselves; each change audited when it changes something.
 */
export async function setSelfServicePolicy(
  ctx: TenantContext,
  skuId: string,
  change: { enabled?: boolean | undefined; trialSignUpEnabled?: boolean | undefined },
): Promise<SelfServicePolicy> {
  return ctx.db.$transaction(async (tx) => {
    const product = await productBySkuId(tx, skuId, "params.skuId");
    if (product.kind !== "user") {
      throw new AppError("ValidationFailed", "Capacity add-ons cannot be bought through self-service.", {
        errors: [{ path: "params.skuId", message: "is a capacity add-on" }],
      });
    }
    const signUp = isTrialSignUpProduct(product.skuPartNumber);
    if (change.trialSignUpEnabled !== undefined && !signUp) {
      throw new AppError("ValidationFailed", `${product.displayName} has no trial people sign up for.`, {
        errors: [{ path: "body.trialSignUpEnabled", message: "the product has no trial sign-up" }],
      });
    }
    await lockSeats(tx, ctx.tenantId, [product.id]);
    const key = { tenantId_productId: { tenantId: ctx.tenantId, productId: product.id } };
    const before = await tx.tenantProduct.findUniqueOrThrow({ where: key });
    const enabled = change.enabled ?? before.selfServicePurchaseEnabled;
    const trialSignUpEnabled = change.trialSignUpEnabled ?? before.trialSignUpEnabled;
    if (before.selfServicePurchaseEnabled !== enabled || before.trialSignUpEnabled !== trialSignUpEnabled) {
      await tx.tenantProduct.update({ where: key, data: { selfServicePurchaseEnabled: enabled, trialSignUpEnabled } });
    }
    const target = { targetType: "product", targetId: product.skuId, productIds: [product.id] } as const;
    if (before.selfServicePurchaseEnabled !== enabled) {
      await audit(tx, ctx, {
        action: "billing.selfServicePolicyChanged",
        ...target,
        before: { enabled: before.selfServicePurchaseEnabled },
        after: { enabled },
      });
    }
    if (before.trialSignUpEnabled !== trialSignUpEnabled) {
      await audit(tx, ctx, {
        action: "powerPlatform.trialSignUpPolicyChanged",
        ...target,
        before: { trialSignUpEnabled: before.trialSignUpEnabled },
        after: { trialSignUpEnabled },
      });
    }
    return {
      skuId: product.skuId,
      skuPartNumber: product.skuPartNumber,
      productName: product.displayName,
      available: product.selfServiceAvailable,
      enabled,
      trialSignUpEnabled: signUp ? trialSignUpEnabled : null,
    };
  });
}
