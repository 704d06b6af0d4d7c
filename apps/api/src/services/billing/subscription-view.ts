import type { Subscription, SubscriptionAssignments } from "@allot/contracts";
import { Prisma, type SqlTx } from "@allot/db";
import {
  holdersDependingOn,
  isAdminAssignable,
  type LifecycleSubscription,
  nextTransitionAt,
  termPriceCents,
} from "@allot/domain";
import { notFound } from "../../lib/app-error.js";
import { seatStates } from "../seats/seat-states.js";

type Reader = Pick<SqlTx, "$queryRaw">;

interface SubscriptionRow extends LifecycleSubscription {
  id: string;
  productId: string;
  skuId: string;
  skuPartNumber: string;
  productName: string;
  seats: number;
  ownerId: string | null;
  ownerName: string | null;
  takenOverAt: Date | null;
  assignedByOwner: number;
  paymentProvider: string;
  cardLast4: string | null;
  pricePerSeatMonthCents: number;
  currency: string;
  createdAt: Date;
}

const CAPABILITY: Record<Subscription["state"], Subscription["capabilityStatus"]> = {
  active: "Enabled",
  expired: "Warning",
  disabled: "Suspended",
  deleted: "Deleted",
};

export interface SubscriptionFilter {
  ids?: readonly string[];
  /** Only the self-service subscriptions this person bought. */
  ownerUserId?: string;
  includeDeleted?: boolean;
}

/** The tenant's subscriptions as the API shows them, newest first. */
export async function loadSubscriptions(
  db: Reader,
  tenantId: string,
  filter: SubscriptionFilter = {},
): Promise<Subscription[]> {
  const conditions = [Prisma.sql`s."tenantId" = ${tenantId}::uuid`];
  if (filter.ids) conditions.push(Prisma.sql`s.id = ANY(${[...filter.ids]}::uuid[])`);
  if (filter.ownerUserId) {
    conditions.push(Prisma.sql`s."ownerUserId" = ${filter.ownerUserId}::uuid AND s.source = 'selfService'`);
  }
  if (!filter.includeDeleted && !filter.ids) conditions.push(Prisma.sql`s.state <> 'deleted'`);
  const rows = await db.$queryRaw<SubscriptionRow[]>`
    SELECT s.id::text AS id, s."productId"::text AS "productId", p."skuId"::text AS "skuId", p."skuPartNumber", p."displayName" AS "productName", s.seats,
           s.state::text AS state, s.source::text AS source, o.id::text AS "ownerId", o."displayName" AS "ownerName",
           s."takenOverAt", s."autoRenew", s."billingTerm"::text AS "billingTerm", s."termStartsAt", s."termEndsAt",
           s."stateChangedAt", s."cancelledAt", s."paymentProvider", s."cardLast4", p."pricePerSeatMonthCents",
           p.currency, s."createdAt",
           (SELECT count(*)::int FROM "LicenseAssignment" la WHERE la."subscriptionId" = s.id) AS "assignedByOwner"
      FROM "Subscription" s
      JOIN "Product" p ON p.id = s."productId"
      LEFT JOIN "User" o ON o.id = s."ownerUserId"
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY s."createdAt" DESC, s.id DESC`;
  // Who an expired or disabled subscription leaves without a seat: read only for the products that have one.
  const troubled = [
    ...new Set(rows.filter((row) => row.state === "expired" || row.state === "disabled").map((row) => row.productId)),
  ];
  const states = troubled.length > 0 ? await seatStates(db, tenantId, troubled) : new Map();
  return rows.map((row) => {
    const state = states.get(row.productId);
    const losing = state ? holdersDependingOn(state.subscriptions, state.consumedUnits, row.id) : 0;
    return toSubscription(row, row.state === "expired" || row.state === "disabled" ? losing : 0);
  });
}

function toSubscription(row: SubscriptionRow, holdersLosingAccess: number): Subscription {
  const trial = row.source === "trial";
  const next = nextTransitionAt({
    state: row.state,
    source: row.source,
    autoRenew: row.autoRenew,
    billingTerm: row.billingTerm,
    termStartsAt: row.termStartsAt,
    termEndsAt: row.termEndsAt,
    stateChangedAt: row.stateChangedAt,
    cancelledAt: row.cancelledAt,
  });
  return {
    id: row.id,
    skuId: row.skuId,
    skuPartNumber: row.skuPartNumber,
    productName: row.productName,
    seats: row.seats,
    state: row.state,
    capabilityStatus: CAPABILITY[row.state],
    source: row.source,
    owner: row.ownerId ? { id: row.ownerId, displayName: row.ownerName ?? "" } : null,
    takenOverAt: row.takenOverAt?.toISOString() ?? null,
    adminAssignable: isAdminAssignable({
      id: row.id,
      seats: row.seats,
      state: row.state,
      source: row.source,
      takenOver: row.takenOverAt !== null,
    }),
    assignedBySubscriptionOwner: row.assignedByOwner,
    holdersLosingAccess,
    autoRenew: row.autoRenew,
    billingTerm: row.billingTerm,
    termStartsAt: row.termStartsAt.toISOString(),
    termEndsAt: row.termEndsAt.toISOString(),
    stateChangedAt: row.stateChangedAt.toISOString(),
    nextLifecycleAt: next?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    paymentProvider: row.paymentProvider === "card" ? "card" : "invoice",
    cardLast4: row.cardLast4,
    pricePerSeatMonthCents: trial ? 0 : row.pricePerSeatMonthCents,
    pricePerSeatTermCents: trial ? 0 : termPriceCents(row.pricePerSeatMonthCents, row.billingTerm),
    currency: row.currency,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A subscription with the people its buyer gave its seats to, by name. */
export async function assignmentsOf(
  tx: Reader,
  tenantId: string,
  subscriptionId: string,
): Promise<SubscriptionAssignments> {
  const [[subscription], users] = await Promise.all([
    loadSubscriptions(tx, tenantId, { ids: [subscriptionId] }),
    tx.$queryRaw<SubscriptionAssignments["users"]>`
      SELECT u.id::text AS id, u."displayName", u.email FROM "LicenseAssignment" la JOIN "User" u ON u.id = la."userId"
       WHERE la."subscriptionId" = ${subscriptionId}::uuid ORDER BY u."displayName", u.id`,
  ]);
  if (!subscription) throw notFound("Subscription");
  return { subscription, users };
}
