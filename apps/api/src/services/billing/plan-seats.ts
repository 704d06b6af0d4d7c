import type { SqlTx } from "@allot/db";
import { checkSeatChange, isUsable, planSeatChange, type SeatChangeOutcome, summarizeSeats } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { seatStates } from "../seats/seat-states.js";
import { isOwnerHeld, type SubscriptionRecord, stateInvalid } from "./access.js";

/**
 * Decides a seat change against the product's seats now (shared by the quote, the seat change and a trial's
 * conversion); SubscriptionStateInvalid when the subscription's seats cannot change.
 */
export async function planSeats(
  tx: SqlTx,
  ctx: TenantContext,
  subscription: SubscriptionRecord,
  seats: number,
  acceptConflict: boolean,
): Promise<SeatChangeOutcome> {
  const guard = checkSeatChange(subscription);
  if (!guard.ok) {
    throw stateInvalid(
      guard.reason === "trialSeatsFixed"
        ? "A trial has a fixed number of seats: convert it to change them."
        : `Seats can be changed on an active subscription only; this one is ${guard.state}.`,
    );
  }
  const state = (await seatStates(tx, ctx.tenantId, [subscription.productId])).get(subscription.productId);
  const consumedUnits = state?.consumedUnits ?? 0;
  const summary = summarizeSeats(state?.subscriptions ?? [], consumedUnits);
  const own = state?.subscriptions.find((candidate) => candidate.id === subscription.id);
  const ownerHeld = isOwnerHeld(subscription);
  return planSeatChange({
    currentSeats: subscription.seats,
    newSeats: seats,
    subscriptionUsable: isUsable(subscription.state),
    usableUnits: summary.usableUnits,
    consumedUnits,
    ...(ownerHeld ? { assignedFromSubscription: own?.ownerAssigned ?? 0 } : {}),
    acceptConflict,
  });
}

/** The product's most recently licensed holders (for SeatsInUse), or those a buyer gave seats of one subscription. */
async function holdersOf(tx: SqlTx, tenantId: string, productId: string, subscriptionId: string | null) {
  const [rows, [count]] = await Promise.all([
    tx.$queryRaw<Array<{ id: string; displayName: string; email: string }>>`
      SELECT u.id::text AS id, u."displayName", u.email FROM "User" u
        JOIN LATERAL (SELECT max(la."createdAt") AS at FROM "LicenseAssignment" la
                       WHERE la."userId" = u.id AND la."productId" = ${productId}::uuid AND la.state <> 'error'
                         AND (${subscriptionId}::uuid IS NULL OR la."subscriptionId" = ${subscriptionId}::uuid)) h
          ON h.at IS NOT NULL
       WHERE u."tenantId" = ${tenantId}::uuid AND u."deletedAt" IS NULL
       ORDER BY h.at DESC, u.id LIMIT 100`,
    tx.$queryRaw<Array<{ count: number }>>`
      SELECT count(DISTINCT la."userId")::int AS count FROM "LicenseAssignment" la
       WHERE la."tenantId" = ${tenantId}::uuid AND la."productId" = ${productId}::uuid AND la.state <> 'error'
         AND (${subscriptionId}::uuid IS NULL OR la."subscriptionId" = ${subscriptionId}::uuid)`,
  ]);
  return { holders: rows, holderCount: count?.count ?? 0 };
}

/**
 * SeatsInUse with who holds the seats: a buyer's own subscription lists the people they gave its seats to, any other
 * the product's most recent holders.
 */
export async function seatsInUse(
  tx: SqlTx,
  tenantId: string,
  subscription: SubscriptionRecord,
  shortfall: number,
  message: string,
): Promise<AppError> {
  const holders = await holdersOf(
    tx,
    tenantId,
    subscription.productId,
    isOwnerHeld(subscription) ? subscription.id : null,
  );
  return new AppError("SeatsInUse", message, { extensions: { shortfall, ...holders } });
}
