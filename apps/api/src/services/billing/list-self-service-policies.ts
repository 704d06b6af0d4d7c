import type { SelfServicePolicy } from "@allot/contracts";
import { POWER_AUTOMATE_TRIAL } from "@allot/domain";
import type { TenantContext } from "../../types.js";

/**
 * Per product: may makers buy it themselves here (Microsoft's AllowSelfServicePurchase policy), and for the product
 * people sign up for a trial of (Power Automate Free), may they sign up.
 */
export async function listSelfServicePolicies(ctx: TenantContext): Promise<{ value: SelfServicePolicy[] }> {
  const rows = await ctx.db.$queryRaw<SelfServicePolicy[]>`
    SELECT p."skuId"::text AS "skuId", p."skuPartNumber", p."displayName" AS "productName",
           p."selfServiceAvailable" AS available, COALESCE(tp."selfServicePurchaseEnabled", true) AS enabled,
           CASE WHEN p."skuPartNumber" = ${POWER_AUTOMATE_TRIAL.skuPartNumber}
                THEN COALESCE(tp."trialSignUpEnabled", true) END AS "trialSignUpEnabled"
      FROM "Product" p
      LEFT JOIN "TenantProduct" tp ON tp."productId" = p.id AND tp."tenantId" = ${ctx.tenantId}::uuid
     WHERE p.kind = 'user'
     ORDER BY p."displayName"`;
  return { value: rows };
}
