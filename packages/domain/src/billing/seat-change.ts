/**
 * Removing seats from a subscription. Seats below what is assigned are refused with SeatsInUse, unless the
 * billing admin accepts a license conflict: then, as in Microsoft 365, users keep access and the conflict must be
 * resolved within 90 days.
 */

export const CONFLICT_RESOLVE_DAYS = 90;
export const MAX_SEATS_PER_SUBSCRIPTION = 100_000;

export interface SeatChangeInput {
  currentSeats: number;
  newSeats: number;
  /** Whether the subscription's seats count now (active or expired): only then does removing them take any away. */
  subscriptionUsable: boolean;
  /** The product's usable seats over all its subscriptions, this one included. */
  usableUnits: number;
  /** Users holding the product. */
  consumedUnits: number;
  /** For a maker's self-service subscription: seats its buyer assigned from it. */
  assignedFromSubscription?: number;
  acceptConflict: boolean;
}

export type SeatChangeOutcome =
  | {
      ok: true;
      seatsDelta: number;
      /** Holders without a seat after the change: a conflict accepted now, or one that was there already. */
      shortfall: number;
    }
  | { ok: false; code: "SeatsInUse"; shortfall: number }
  | { ok: false; code: "NoSeatChange" };

export function planSeatChange(input: SeatChangeInput): SeatChangeOutcome {
  const seatsDelta = input.newSeats - input.currentSeats;
  if (seatsDelta === 0) return { ok: false, code: "NoSeatChange" };
  const usableAfter = input.usableUnits + (input.subscriptionUsable ? seatsDelta : 0);
  const productShortfall = Math.max(0, input.consumedUnits - usableAfter);
  const ownShortfall = Math.max(0, (input.assignedFromSubscription ?? 0) - input.newSeats);
  const shortfall = Math.max(productShortfall, ownShortfall);
  // Adding seats never creates a conflict; a conflict that was already there is not this change's doing.
  const worsens = seatsDelta < 0 && shortfall > Math.max(0, input.consumedUnits - input.usableUnits);
  if (seatsDelta < 0 && (worsens || ownShortfall > 0) && shortfall > 0 && !input.acceptConflict) {
    return { ok: false, code: "SeatsInUse", shortfall };
  }
  return { ok: true, seatsDelta, shortfall };
}
