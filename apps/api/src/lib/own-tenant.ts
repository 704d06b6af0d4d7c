import type { TenantContext } from "../types.js";
import { notFound } from "./app-error.js";

/**
 * Views of the signed-in person's own account (My licenses, the people picker) exist only in their own tenant: a
 * partner's agent reaching a customer gets the answer of an unknown tenant.
 */
export function assertOwnTenant(ctx: TenantContext): void {
  if (ctx.actor.tenantId !== ctx.tenantId) throw notFound("Tenant");
}
