import type { CreateLicenseRequest, LicenseRequest } from "@allot/contracts";
import { isTrialSignUpProduct } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { personOf } from "../../lib/tenant.js";
import type { TenantContext } from "../../types.js";
import { catalogOf, resolveSkus } from "../licenses/catalog.js";
import { loadRequest } from "./list-requests.js";

/**
 * A person asks the admins of their organisation for a license. At most one pending request per person and
 * product: concurrent requests queue on an advisory lock of (requester, product), so a double click makes one.
 */
export async function createLicenseRequest(ctx: TenantContext, body: CreateLicenseRequest): Promise<LicenseRequest> {
  // A partner's agent acts in the customer's tenant but is not one of its people: nothing could be assigned to them.
  if (ctx.actor.tenantId !== ctx.tenantId) {
    throw new AppError("Forbidden", "Only people of this organisation can ask it for a license.");
  }
  const requesterUserId = personOf(ctx.actor).userId;
  const [product] = resolveSkus(await catalogOf(ctx.db), [body.skuId], "body.skuId");
  if (!product) throw new Error("resolveSkus returned no product");
  if (isTrialSignUpProduct(product.skuPartNumber)) {
    throw new AppError(
      "TrialNotOffered",
      `${product.displayName} is not asked of admins: start its free trial yourself.`,
      {
        errors: [{ path: "body.skuId", message: "is obtained by trial sign-up", skuId: product.skuId }],
      },
    );
  }
  const message = body.message ?? null;
  const id = await ctx.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(
      hashtextextended(${`allot:license-request:${requesterUserId}:${product.id}`}, 0))`;
    const [pending, held] = await Promise.all([
      tx.licenseRequest.findFirst({
        where: { tenantId: ctx.tenantId, requesterUserId, productId: product.id, status: "pending" },
        select: { id: true },
      }),
      tx.licenseAssignment.findFirst({
        where: { userId: requesterUserId, productId: product.id, state: { not: "error" } },
        select: { id: true },
      }),
    ]);
    if (pending) {
      throw new AppError(
        "DuplicateRequest",
        `You already asked for ${product.displayName}; an admin has not answered yet.`,
        { errors: [{ path: "body.skuId", message: "a request for this product is pending", skuId: product.skuId }] },
      );
    }
    if (held) {
      throw new AppError("AlreadyAssigned", `You already have ${product.displayName}.`, {
        errors: [{ path: "body.skuId", message: "you hold this product already", skuId: product.skuId }],
      });
    }
    const created = await tx.licenseRequest.create({
      data: { tenantId: ctx.tenantId, requesterUserId, productId: product.id, message },
      select: { id: true },
    });
    await audit(tx, ctx, {
      action: "request.created",
      targetType: "licenseRequest",
      targetId: created.id,
      productIds: [product.id],
      after: { status: "pending", skuId: product.skuId, message },
    });
    return created.id;
  });
  return loadRequest(ctx.db, ctx.tenantId, id);
}
