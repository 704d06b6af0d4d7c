import { MAX_ORDER_AMOUNT_CENTS } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { type BillingTerm, fullTermCents, type Proration, prorate, termEnd, termPriceCents } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import type { PaymentOutcome } from "./payments.js";

/**
 * What each billing change costs, as invoice lines (integer cents, prorated to the day, one line per change, billed
 * when it is made). The quote route and the change itself both price through here, so what the admin is
 * shown before confirming is exactly what is billed.
 */

export type OrderKind =
  | "purchase"
  | "seatChange"
  | "renewal"
  | "trial"
  | "trialConversion"
  | "selfServicePurchase"
  | "cancellation";

export interface PricedProduct {
  id: string;
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

export interface TermOf {
  seats: number;
  billingTerm: BillingTerm;
  termStartsAt: Date;
  termEndsAt: Date;
}

const later = (a: Date, b: Date) => new Date(Math.max(a.getTime(), b.getTime()));
const day = (date: Date) => date.toISOString().slice(0, 10);
const seatWord = (count: number) => `${count} ${Math.abs(count) === 1 ? "seat" : "seats"}`;

const money = (cents: number, currency: string) =>
  `${(cents / 100).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;

/** Refuses an amount one order cannot bill (see MAX_ORDER_AMOUNT_CENTS), before anything is written. */
function assertBillable(cents: number, currency: string, what: string): void {
  if (Math.abs(cents) <= MAX_ORDER_AMOUNT_CENTS) return;
  throw new AppError(
    "OrderTooLarge",
    `${what} ${money(Math.abs(cents), currency)}; one order bills at most ${money(MAX_ORDER_AMOUNT_CENTS, currency)}. ` +
      "Choose fewer seats, or buy them in several subscriptions.",
    [{ path: "body.seats", message: `would bill more than ${money(MAX_ORDER_AMOUNT_CENTS, currency)} in one order` }],
  );
}

function single(
  kind: OrderKind,
  seatsDelta: number,
  product: PricedProduct,
  line: ChargeLine,
  days?: [number, number],
) {
  assertBillable(line.amountCents, product.currency, "This change would bill");
  return {
    kind,
    seatsDelta,
    amountCents: line.amountCents,
    currency: product.currency,
    lines: [line],
    daysLeft: days?.[0] ?? null,
    termDays: days?.[1] ?? null,
  } satisfies Charge;
}

/** A new paid term of `seats` seats from `start`: a purchase, a self-service purchase, a trial conversion, a renewal. */
export function termCharge(
  kind: OrderKind,
  product: PricedProduct,
  seats: number,
  term: BillingTerm,
  start: Date,
  seatsDelta = seats,
): Charge {
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
export function seatChangeCharge(product: PricedProduct, subscription: TermOf, newSeats: number, now: Date): Charge {
  // The next renewal bills the full term of the new seat count: it must be billable too.
  assertBillable(
    fullTermCents(product.pricePerSeatMonthCents, subscription.billingTerm, newSeats),
    product.currency,
    `With ${seatWord(newSeats)}, each renewal would bill`,
  );
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
export function cancellationCharge(product: PricedProduct, subscription: TermOf, credit: Proration, now: Date): Charge {
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
export function trialCharge(product: PricedProduct, seats: number, start: Date, end: Date): Charge {
  return single("trial", seats, product, {
    description: `${product.displayName}, free trial, ${seatWord(seats)}, ${day(start)} to ${day(end)}`,
    quantity: seats,
    unitPriceCents: 0,
    amountCents: 0,
    periodStart: start,
    periodEnd: end,
  });
}

export interface Recorded {
  orderId: string;
  invoiceId: string | null;
}

const INVOICE_DUE_DAYS = 30;

/** INV-000001: six digits at least (a tenant's millionth invoice simply gets a seventh). */
export const invoiceNumber = (n: number) => `INV-${String(n).padStart(6, "0")}`;

/**
 * The tenant's next invoice number, from its counter row (created with the first invoice). The update keeps that
 * row locked until the transaction ends: one tenant's invoices are numbered one after the other without gaps,
 * other tenants' are not held up, and it costs one statement whatever the number of invoices.
 *
 * Lock order: this is the last lock a billing change takes (after the users' and the seat rows' locks), so billing
 * changes cannot deadlock on it.
 */
async function nextInvoiceNumber(tx: Tx, tenantId: string): Promise<number> {
  const [counter] = await tx.$queryRaw<Array<{ lastNumber: number }>>`
    INSERT INTO "InvoiceCounter" ("tenantId", "lastNumber") VALUES (${tenantId}::uuid, 1)
    ON CONFLICT ("tenantId") DO UPDATE SET "lastNumber" = "InvoiceCounter"."lastNumber" + 1
    RETURNING "lastNumber"`;
  if (!counter) throw new Error("the invoice counter returned no row");
  return counter.lastNumber;
}

/**
 * Writes the order and, for anything that costs or credits money, its invoice with exactly one line (one line per
 * change; never postponed). Invoice numbers count per tenant (nextInvoiceNumber).
 */
export async function recordCharge(
  tx: Tx,
  who: { tenantId: string; userId: string | null; now: Date },
  what: { subscriptionId: string; productId: string; charge: Charge; payment: PaymentOutcome },
): Promise<Recorded> {
  const { charge, payment } = what;
  const order = await tx.order.create({
    data: {
      tenantId: who.tenantId,
      subscriptionId: what.subscriptionId,
      productId: what.productId,
      placedByUserId: who.userId,
      kind: charge.kind,
      seatsDelta: charge.seatsDelta,
      amountCents: charge.amountCents,
      currency: charge.currency,
      paymentProvider: payment.provider,
      status: "completed",
      createdAt: who.now,
    },
  });
  if (charge.amountCents === 0) return { orderId: order.id, invoiceId: null };
  const [line] = charge.lines;
  const invoice = await tx.invoice.create({
    data: {
      tenantId: who.tenantId,
      number: invoiceNumber(await nextInvoiceNumber(tx, who.tenantId)),
      // A card charge (or refund) has settled; an account charge is owed, a credit is applied to the account.
      status: payment.paid || charge.amountCents < 0 ? "paid" : "open",
      totalCents: charge.amountCents,
      currency: charge.currency,
      issuedAt: who.now,
      dueAt: new Date(who.now.getTime() + INVOICE_DUE_DAYS * 86_400_000),
      lines: line
        ? {
            create: {
              orderId: order.id,
              description: line.description,
              quantity: line.quantity,
              unitPriceCents: line.unitPriceCents,
              amountCents: line.amountCents,
              periodStart: line.periodStart,
              periodEnd: line.periodEnd,
            },
          }
        : undefined,
    },
  });
  return { orderId: order.id, invoiceId: invoice.id };
}
