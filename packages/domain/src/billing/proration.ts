import { type BillingTerm, DAY_MS, termPriceCents } from "./terms.js";

/**
 * Charges for changes in the middle of a term, prorated to the day: a change pays (or is credited) for the days
 * left in the current term, rounded to whole cents. Amounts are integers; a credit is negative. There is never a
 * charge postponed to the next term: each change is billed when it is made.
 *
 * A started day is paid for: adding seats charges the day they are added, removing seats (or cancelling) credits
 * only the whole days not yet begun. So money charged always covers the seat-days that were usable (the property
 * tests in seat-days.properties.test.ts), and adding seats and removing them the same day costs that day instead
 * of nothing.
 */

export interface ProrationInput {
  pricePerSeatMonthCents: number;
  term: BillingTerm;
  termStartsAt: Date;
  termEndsAt: Date;
  /** When the change takes effect; clamped into the term. */
  at: Date;
  /** Seats added (positive) or removed (negative). */
  seatsDelta: number;
}

export interface Proration {
  /**
   * Whole days of the term the change pays for (a charge: the started day too) or credits (a credit: only the days
   * not yet begun), and the term's length in days.
   */
  daysLeft: number;
  termDays: number;
  /** The full-term price of one seat. */
  unitPriceCents: number;
  /** seatsDelta × unit price × daysLeft / termDays, rounded half away from zero. */
  amountCents: number;
}

/** Days of `ms`, a started day counted (what a charge pays for). */
function startedDays(ms: number): number {
  return Math.max(0, Math.ceil(ms / DAY_MS));
}

/** Days of `ms` not yet begun (what a credit gives back). */
function unstartedDays(ms: number): number {
  return Math.max(0, Math.floor(ms / DAY_MS));
}

/** Rounds half away from zero, so a credit mirrors the charge of the same change exactly. */
function roundHalfAway(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

export function prorate(input: ProrationInput): Proration {
  const termDays = Math.max(1, startedDays(input.termEndsAt.getTime() - input.termStartsAt.getTime()));
  const at = Math.min(Math.max(input.at.getTime(), input.termStartsAt.getTime()), input.termEndsAt.getTime());
  const remainingMs = input.termEndsAt.getTime() - at;
  const daysLeft = Math.min(termDays, input.seatsDelta < 0 ? unstartedDays(remainingMs) : startedDays(remainingMs));
  const unitPriceCents = termPriceCents(input.pricePerSeatMonthCents, input.term);
  // Integer arithmetic up to the one division: cents × seats × days stays far below 2^53 for any real order.
  const amountCents = roundHalfAway((input.seatsDelta * unitPriceCents * daysLeft) / termDays);
  return { daysLeft, termDays, unitPriceCents, amountCents: amountCents === 0 ? 0 : amountCents };
}

/** The price of `seats` seats for one whole term (a purchase, a renewal, a trial conversion). */
export function fullTermCents(pricePerSeatMonthCents: number, term: BillingTerm, seats: number): number {
  return termPriceCents(pricePerSeatMonthCents, term) * seats;
}
