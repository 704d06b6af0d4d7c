import type { Db } from "@allot/db";
import { notFound } from "../../lib/app-error.js";
import type { Clock } from "../../lib/clock.js";
import type { Actor } from "../../types.js";
import type { VisibleCustomersCriteria } from "./partner-queries.js";

/** A partner's own staff member working in the partner's center. */
export interface PartnerContext {
  db: Db;
  actor: Actor;
  partnerTenantId: string;
  clock: Clock;
  /** The partner's global admin sees every customer; other staff the customers they hold a delegated role in. */
  seesAllCustomers: boolean;
}

/**
 * The partner center of a partner tenant, for its own staff only: anyone else, and a customer tenant's id, get 404
 * (a tenant's existence never leaks).
 */
export async function partnerContext(
  db: Db,
  actor: Actor,
  partnerTenantId: string,
  clock: Clock,
): Promise<PartnerContext> {
  const partner =
    actor.tenantId === partnerTenantId
      ? await db.tenant.findFirst({ where: { id: partnerTenantId, kind: "partner" }, select: { id: true } })
      : null;
  if (!partner) throw notFound("Partner");
  return { db, actor, partnerTenantId, clock, seesAllCustomers: actor.ownRoles.includes("globalAdmin") };
}

/** Whose customers the context's caller sees, as the partner center's statements take it. */
export function customersSeenBy(ctx: PartnerContext): VisibleCustomersCriteria {
  return { partnerTenantId: ctx.partnerTenantId, userId: ctx.actor.userId, seesAllCustomers: ctx.seesAllCustomers };
}
