import type { DenyLicenseRequest, LicenseRequest } from "@allot/contracts";
import type { TenantContext } from "../../types.js";
import { closeRequest } from "./close-request.js";
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
    await closeRequest(tx, ctx, request, { status: "denied", reason: body.reason });
  });
  return loadRequest(ctx.db, ctx.tenantId, requestId);
}
