import { fullTermCents, type Proration, prorate } from "./proration.js";
import { type BillingTerm, termEnd, termPriceCents } from "./terms.js";

/**
 * What each billing change costs, as invoice lines (integer cents, prorated to the day, one line per change, billed
 * when it is made). A quote and the change itself both price through here, so what the admin is shown before
 * confirming is exactly what is billed. Pure: the API writes the order and invoice.
 */

/**
 * The most one order (and its invoice) may bill or credit, in cents of its currency. Amounts are stored as 32-bit
 * integers (at most 2,147,483,647); MAX_SEATS of an expensive product for a year would not fit, so a larger change is
 * refused (OrderTooLarge) instead of failing on the way to the database.
 */
export const MAX_ORDER_AMOUNT_CENTS = 2_000_000_000;

export type OrderKind =
  | "purchase"
  | "seatChange"
  | "renewal"
  | "trial"
  | "trialConversion"
  | "selfServicePurchase"
  | "cancellation";

export interface PricedProduct {
  displayName: string;
  pricePerSeatMonthCents: number;
  currency: string;
}

export interface ChargeLine {
  description: string;
  quantity: number;
  unitPriceCents: number;
  amountCents: number;
  periodStart: Date;
  periodEnd: Date;
}

export interface Charge {
  kind: OrderKind;
  seatsDelta: number;
  amountCents: number;
  currency: string;
  lines: ChargeLine[];
  daysLeft: number | null;
  termDays: number | null;
}

/** The current term of a subscription, as a seat change or a cancellation prorates against it. */
export interface TermOf {
  seats: number;
  billingTerm: BillingTerm;
  termStartsAt: Date;
  termEndsAt: Date;
}

/**
 * A price, or OrderTooLarge: the amount one order would bill beyond MAX_ORDER_AMOUNT_CENTS, either this change's
 * (`change`) or, for a seat change, each renewal's at the new seat count (`renewal`, which must be billable too).
 */
export type PricingOutcome =
  | { ok: true; charge: Charge }
  | {
      ok: false;
      code: "OrderTooLarge";
      amountCents: number;
      currency: string;
      tooLarge: { kind: "change" } | { kind: "renewal"; seats: number };
    };

const later = (a: Date, b: Date) => new Date(Math.max(a.getTime(), b.getTime()));
const day = (date: Date) => date.toISOString().slice(0, 10);

/** "1 seat", "3 seats", "-2 seats": how invoice lines and messages count seats. */
export const seatWord = (count: number) => `${count} ${Math.abs(count) === 1 ? "seat" : "seats"}`;

/** Whether one order may bill (or credit) this amount. */
export function isBillable(cents: number): boolean {
  return Math.abs(cents) <= MAX_ORDER_AMOUNT_CENTS;
}

function tooLarge(cents: number, currency: string, what: { kind: "change" } | { kind: "renewal"; seats: number }) {
  return { ok: false, code: "OrderTooLarge", amountCents: Math.abs(cents), currency, tooLarge: what } as const;
}

function single(
  kind: OrderKind,
  seatsDelta: number,
  product: PricedProduct,
  line: ChargeLine,
  days?: [number, number],
): PricingOutcome {
  if (!isBillable(line.amountCents)) return tooLarge(line.amountCents, product.currency, { kind: "change" });
  return {
    ok: true,
    charge: {
      kind,
      seatsDelta,
      amountCents: line.amountCents,
      currency: product.currency,
      lines: [line],
      daysLeft: days?.[0] ?? null,
      termDays: days?.[1] ?? null,
    },
  };
}

/** A new paid term of `seats` seats from `start`: a purchase, a self-service purchase, a trial conversion, a renewal. */
export function priceTerm(
  kind: OrderKind,
  product: PricedProduct,
  seats: number,
  term: BillingTerm,
  start: Date,
  seatsDelta = seats,
): PricingOutcome {
  const end = termEnd(start, term);
  return single(kind, seatsDelta, product, {
    description: `${product.displayName}, ${seatWord(seats)}, ${term} term ${day(start)} to ${day(end)}`,
    quantity: seats,
    unitPriceCents: termPriceCents(product.pricePerSeatMonthCents, term),
    amountCents: fullTermCents(product.pricePerSeatMonthCents, term, seats),
    periodStart: start,
    periodEnd: end,
  });
}

/** Seats added or removed mid-term: the days left of the current term, charged or credited now. */
export function priceSeatChange(
  product: PricedProduct,
  subscription: TermOf,
  newSeats: number,
  now: Date,
): PricingOutcome {
  // The next renewal bills the full term of the new seat count: it must be billable too.
  const renewalCents = fullTermCents(product.pricePerSeatMonthCents, subscription.billingTerm, newSeats);
  if (!isBillable(renewalCents)) return tooLarge(renewalCents, product.currency, { kind: "renewal", seats: newSeats });
  const seatsDelta = newSeats - subscription.seats;
  const proration = prorate({
    pricePerSeatMonthCents: product.pricePerSeatMonthCents,
    term: subscription.billingTerm,
    termStartsAt: subscription.termStartsAt,
    termEndsAt: subscription.termEndsAt,
    at: now,
    seatsDelta,
  });
  const start = later(now, subscription.termStartsAt);
  return single(
    "seatChange",
    seatsDelta,
    product,
    {
      description: `${product.displayName}, ${seatsDelta > 0 ? "+" : ""}${seatWord(seatsDelta)}, prorated ${proration.daysLeft} of ${proration.termDays} days`,
      quantity: seatsDelta,
      unitPriceCents: proration.unitPriceCents,
      amountCents: proration.amountCents,
      periodStart: start,
      periodEnd: subscription.termEndsAt,
    },
    [proration.daysLeft, proration.termDays],
  );
}

/** Cancelling: the unused whole days of the current term come back as a credit (`cancelSubscription`'s proration). */
export function priceCancellation(
  product: PricedProduct,
  subscription: TermOf,
  credit: Proration,
  now: Date,
): PricingOutcome {
  const start = later(now, subscription.termStartsAt);
  return single(
    "cancellation",
    0,
    product,
    {
      description: `${product.displayName}, cancelled: credit for ${credit.daysLeft} unused of ${credit.termDays} days`,
      quantity: -subscription.seats,
      unitPriceCents: credit.unitPriceCents,
      amountCents: credit.amountCents,
      periodStart: start,
      periodEnd: later(subscription.termEndsAt, start),
    },
    [credit.daysLeft, credit.termDays],
  );
}

/** A free trial: an order for the record, no invoice. */
export function priceTrial(product: PricedProduct, seats: number, start: Date, end: Date): PricingOutcome {
  return single("trial", seats, product, {
    description: `${product.displayName}, free trial, ${seatWord(seats)}, ${day(start)} to ${day(end)}`,
    quantity: seats,
    unitPriceCents: 0,
    amountCents: 0,
    periodStart: start,
    periodEnd: end,
  });
}
