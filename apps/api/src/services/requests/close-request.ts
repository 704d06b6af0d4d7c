import type { Tx } from "@allot/db";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import type { RequestRecord } from "./lock-request.js";

/** How a pending request ends without a license: an admin denies it (with the reason), or its requester withdraws it. */
export type RequestClosing = { status: "denied"; reason: string } | { status: "cancelled" };

/**
 * Closes a locked, pending request without fulfilling it, and audits that. decidedAt records when; decidedBy and the
 * reason are an admin's denial only (a withdrawal was decided by nobody).
 */
export async function closeRequest(tx: Tx, ctx: TenantContext, request: RequestRecord, closing: RequestClosing) {
  const denial =
    closing.status === "denied" ? { decidedByUserId: ctx.actor.userId, decisionReason: closing.reason } : {};
  await tx.licenseRequest.update({
    where: { id: request.id },
    data: { status: closing.status, decidedAt: ctx.clock.now(), ...denial },
  });
  await audit(tx, ctx, {
    action: closing.status === "denied" ? "request.denied" : "request.cancelled",
    targetType: "licenseRequest",
    targetId: request.id,
    productIds: [request.productId],
    before: { status: "pending" },
    after:
      closing.status === "denied"
        ? { status: "denied", requesterUserId: request.requesterUserId, reason: closing.reason }
        : { status: "cancelled" },
  });
}
