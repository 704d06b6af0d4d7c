import type { ApproveLicenseRequest, LicenseRequest } from "@allot/contracts";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { applyLicenseChanges } from "../licenses/apply-changes.js";
import { type CatalogEntry, catalogOf, directLicenses, resolveChange } from "../licenses/catalog.js";
import { LICENSE_TRANSACTION } from "../licenses/transaction.js";
import { violationError } from "../licenses/violations.js";
import { loadRequest } from "./list-requests.js";
import { assertPending, lockRequest } from "./lock-request.js";

/**
 * Approving assigns the license to the requester through the license engine, exactly as assignLicense does (the
 * approver's roles apply: a guest needs a global admin): the product asked for, or another one the approver picks.
 * A refusal (no seat free: CountViolation, …) is the license routes' problem and leaves the request pending, since
 * nothing of the transaction commits. A requester who holds the product already (same plans) is simply approved.
 */
export async function approveLicenseRequest(
  ctx: TenantContext,
  requestId: string,
  body: ApproveLicenseRequest,
): Promise<LicenseRequest> {
  await ctx.db.$transaction(async (tx) => {
    const request = await lockRequest(tx, ctx.tenantId, requestId);
    assertPending(request);
    const catalog = await catalogOf(ctx.db, tx);
    const requested = catalog.byId.get(request.productId);
    const skuId = body.skuId ?? requested?.skuId;
    if (!skuId) throw new Error(`product ${request.productId} of request ${request.id} is not in the catalog`);
    const change = resolveChange(catalog, [{ skuId, disabledPlans: body.disabledPlans ?? [] }], [], {
      add: "body.skuId",
      remove: "body",
    });
    const outcome = await applyLicenseChanges(tx, ctx, catalog, {
      userIds: [request.requesterUserId],
      add: directLicenses(change),
      remove: [],
      mode: "add",
      atomic: true,
      dryRun: false,
    });
    const result = outcome.results[0];
    // Holding it directly already (an admin assigned it while the request waited) fulfils the request: nothing is
    // assigned and the request is approved, instead of an error the approver could only answer by denying. (Held
    // through a group only, approving adds the direct license, which takes no further seat.)
    const alreadyHeld = result?.ok === false && result.violations.every((v) => v.code === "AlreadyAssigned");
    if (result && !result.ok && !alreadyHeld) throw violationError(result.violations, "body");
    const product = change.add[0]?.product as CatalogEntry;
    const fulfilledWith = product.id === request.productId ? null : product;
    await tx.licenseRequest.update({
      where: { id: request.id },
      data: {
        status: "approved",
        decidedByUserId: ctx.actor.userId,
        decidedAt: ctx.clock.now(),
        fulfilledWithProductId: fulfilledWith?.id ?? null,
      },
    });
    await audit(tx, ctx, {
      action: "request.approved",
      targetType: "licenseRequest",
      targetId: request.id,
      productIds: [...new Set([request.productId, product.id])],
      before: { status: "pending" },
      after: {
        status: "approved",
        requesterUserId: request.requesterUserId,
        skuId: product.skuId,
        disabledPlans: change.add[0]?.disabledServicePlanIds ?? [],
        ...(fulfilledWith ? { fulfilledWithSkuId: fulfilledWith.skuId } : {}),
        ...(alreadyHeld ? { alreadyHeld: true } : {}),
      },
    });
  }, LICENSE_TRANSACTION);
  return loadRequest(ctx.db, ctx.tenantId, requestId);
}
