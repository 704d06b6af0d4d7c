import type { LicenseRequest } from "@allot/contracts";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { closeRequest } from "./close-request.js";
import { loadRequest } from "./list-requests.js";
import { assertPending, lockRequest } from "./lock-request.js";

/** The requester withdraws their pending request; to anyone else it does not exist (404). */
export async function cancelLicenseRequest(ctx: TenantContext, requestId: string): Promise<LicenseRequest> {
  await ctx.db.$transaction(async (tx) => {
    const request = await lockRequest(tx, ctx.tenantId, requestId);
    if (request.requesterUserId !== ctx.actor.userId) throw notFound("License request");
    assertPending(request);
    await closeRequest(tx, ctx, request, { status: "cancelled" });
  });
  return loadRequest(ctx.db, ctx.tenantId, requestId);
}
