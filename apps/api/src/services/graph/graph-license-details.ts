import type { GraphLicenseDetails } from "@allot/contracts";
import type { TenantContext } from "../../types.js";
import { catalogOf } from "../licenses/catalog.js";
import { licenseDetails } from "../licenses/license-view.js";
import { resolveUserRef } from "./user-ref.js";

/**
 * Graph's users/{id | userPrincipalName}/licenseDetails: per product the user holds in effect, each service plan
 * with Success when it is on, Disabled when it is switched off in every assignment of the product the user holds
 * (or no subscription of the product is usable). The same reading as the portal's licenseDetails, in Graph's shape.
 */
export async function graphLicenseDetails(
  ctx: Pick<TenantContext, "db" | "tenantId">,
  idOrUserPrincipalName: string,
): Promise<{ value: GraphLicenseDetails[] }> {
  const details = await licenseDetails(ctx, await catalogOf(ctx.db), await resolveUserRef(ctx, idOrUserPrincipalName));
  return {
    value: details.value.map((license) => ({
      id: license.id,
      skuId: license.skuId,
      skuPartNumber: license.skuPartNumber,
      servicePlans: license.servicePlans.map((plan) => ({
        servicePlanId: plan.servicePlanId,
        servicePlanName: plan.servicePlanName,
        // PendingActivation is not a state the portal's reading yields; Graph's shape here has Success or Disabled.
        provisioningStatus: plan.provisioningStatus === "Success" ? "Success" : "Disabled",
        appliesTo: "User" as const,
      })),
    })),
  };
}
