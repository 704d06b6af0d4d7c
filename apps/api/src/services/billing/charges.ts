import type { Tx } from "@allot/db";
import { type Charge, MAX_ORDER_AMOUNT_CENTS, type PricingOutcome, seatWord } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import type { PaymentOutcome } from "./payments.js";

/**
 * Billing a change: the domain prices it (priceTerm, priceSeatChange, …, in packages/domain), `billable` refuses
 * what one order cannot bill, and `recordCharge` writes the order and its invoice.
 */

const money = (cents: number, currency: string) =>
  `${(cents / 100).toLocaleString("en", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;

/** The charge a domain price came to, or OrderTooLarge (422) when one order cannot bill it; before anything is written. */
export function billable(outcome: PricingOutcome): Charge {
  if (outcome.ok) return outcome.charge;
  const limit = money(MAX_ORDER_AMOUNT_CENTS, outcome.currency);
  const what =
    outcome.tooLarge.kind === "renewal"
      ? `With ${seatWord(outcome.tooLarge.seats)}, each renewal would bill`
      : "This change would bill";
  throw new AppError(
    "OrderTooLarge",
    `${what} ${money(outcome.amountCents, outcome.currency)}; one order bills at most ${limit}. ` +
      "Choose fewer seats, or buy them in several subscriptions.",
    { errors: [{ path: "body.seats", message: `would bill more than ${limit} in one order` }] },
  );
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
