import type { Db } from "@allot/db";
import { can } from "@allot/domain";
import { notFound } from "../../lib/app-error.js";
import type { Clock } from "../../lib/clock.js";
import type { Actor, TenantContext } from "../../types.js";
import type { VisibleCustomersCriteria } from "./partner-queries.js";

/** A partner's own staff member working in the partner's center. */
export interface PartnerContext {
  db: Db;
  actor: Actor;
  partnerTenantId: string;
  clock: Clock;
  /** The request, for the audit rows a change in the partner center writes. */
  requestId: string;
  /**
   * The partner's global admin (partnerCenter.seeAll) sees every customer and every staff member's activity; other
   * staff the customers they hold a delegated role in, and their own activity.
   */
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
  requestId: string,
): Promise<PartnerContext> {
  const partner =
    actor.tenantId === partnerTenantId
      ? await db.tenant.findFirst({ where: { id: partnerTenantId, kind: "partner" }, select: { id: true } })
      : null;
  if (!partner) throw notFound("Partner");
  return {
    db,
    actor,
    partnerTenantId,
    clock,
    requestId,
    seesAllCustomers: can(actor.ownRoles, "partnerCenter.seeAll"),
  };
}

/**
 * The partner's own tenant as a tenant context, with the caller's own roles there: staff are users of that tenant,
 * so adding, editing and removing them goes through the users' use cases (their rules, their audit rows).
 */
export function partnerTenantContext(ctx: PartnerContext): TenantContext {
  return {
    db: ctx.db,
    actor: ctx.actor,
    tenantId: ctx.partnerTenantId,
    roles: ctx.actor.ownRoles,
    requestId: ctx.requestId,
    clock: ctx.clock,
  };
}

/** Whose customers the context's caller sees, as the partner center's statements take it. */
export function customersSeenBy(ctx: PartnerContext): VisibleCustomersCriteria {
  return { partnerTenantId: ctx.partnerTenantId, userId: ctx.actor.userId, seesAllCustomers: ctx.seesAllCustomers };
}
