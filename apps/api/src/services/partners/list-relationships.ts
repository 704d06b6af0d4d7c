import type { PartnerRelationshipList } from "@allot/contracts";
import type { TenantContext } from "../../types.js";
import { loadRelationships } from "./relationship-view.js";

/** Settings › Partner relationships: every partner with delegated access to this organization. */
export async function listPartnerRelationships(ctx: TenantContext): Promise<PartnerRelationshipList> {
  return { value: await loadRelationships(ctx.db, ctx.tenantId, ctx.clock.now()) };
}
