import { type BillingTerm, DAY_MS, termPriceCents } from "./terms.js";

/**
 * Charges for changes in the middle of a term, prorated to the day (issue 6): a change pays (or is credited) for
 * the days left in the current term, rounded to whole cents. Amounts are integers; a credit is negative. There is
 * never a charge postponed to the next term: each change is billed when it is made.
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
  /** Whole days of the term left at `at` (a started day counts as left), and the term's length in days. */
  daysLeft: number;
  termDays: number;
  /** The full-term price of one seat. */
  unitPriceCents: number;
  /** seatsDelta × unit price × daysLeft / termDays, rounded half away from zero. */
  amountCents: number;
}

function wholeDays(ms: number): number {
  return Math.max(0, Math.ceil(ms / DAY_MS));
}

/** Rounds half away from zero, so a credit mirrors the charge of the same change exactly. */
function roundHalfAway(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

export function prorate(input: ProrationInput): Proration {
  const termDays = Math.max(1, wholeDays(input.termEndsAt.getTime() - input.termStartsAt.getTime()));
  const at = Math.min(Math.max(input.at.getTime(), input.termStartsAt.getTime()), input.termEndsAt.getTime());
  const daysLeft = Math.min(termDays, wholeDays(input.termEndsAt.getTime() - at));
  const unitPriceCents = termPriceCents(input.pricePerSeatMonthCents, input.term);
  // Integer arithmetic up to the one division: cents × seats × days stays far below 2^53 for any real order.
  const amountCents = roundHalfAway((input.seatsDelta * unitPriceCents * daysLeft) / termDays);
  return { daysLeft, termDays, unitPriceCents, amountCents: amountCents === 0 ? 0 : amountCents };
}

/** The price of `seats` seats for one whole term (a purchase, a renewal, a trial conversion). */
export function fullTermCents(pricePerSeatMonthCents: number, term: BillingTerm, seats: number): number {
  return termPriceCents(pricePerSeatMonthCents, term) * seats;
}
