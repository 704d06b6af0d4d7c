import type { DenyLicenseRequest, LicenseRequest } from "@allot/contracts";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { loadRequest } from "./list-requests.js";
import { assertPending, lockRequest } from "./lock-request.js";

/** Turns a pending request down, with the reason the requester will read. */
export async function denyLicenseRequest(
  ctx: TenantContext,
  requestId: string,
  body: DenyLicenseRequest,
): Promise<LicenseRequest> {
  await ctx.db.$transaction(async (tx) => {
    const request = await lockRequest(tx, ctx.tenantId, requestId);
    assertPending(request);
    await tx.licenseRequest.update({
      where: { id: request.id },
      data: {
        status: "denied",
        decidedByUserId: ctx.actor.userId,
        decidedAt: ctx.clock.now(),
        decisionReason: body.reason,
      },
    });
    await audit(tx, ctx, {
      action: "request.denied",
      targetType: "licenseRequest",
      targetId: request.id,
      productIds: [request.productId],
      before: { status: "pending" },
      after: { status: "denied", requesterUserId: request.requesterUserId, reason: body.reason },
    });
  });
  return loadRequest(ctx.db, ctx.tenantId, requestId);
}
