import { randomUUID } from "node:crypto";
import { Prisma, type SqlTx } from "@allot/db";
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
 * Writes the order and, for anything that costs or credits money, its invoice with exactly one line (one line per
 * change; never postponed), as ONE statement: every billing change runs this under its seat row lock, and each
 * statement is a round trip. Invoice numbers count per tenant from the tenant's counter row (created with the first
 * invoice): its update keeps the row locked until the transaction ends, so one tenant's invoices are numbered one
 * after the other without gaps, other tenants' are not held up.
 *
 * Lock order: the counter is the last lock a billing change takes (after the users' and the seat rows' locks), so
 * billing changes cannot deadlock on it.
 */
export async function recordCharge(
  tx: SqlTx,
  who: { tenantId: string; userId: string | null; now: Date },
  what: { subscriptionId: string; productId: string; charge: Charge; payment: PaymentOutcome },
): Promise<Recorded> {
  const { charge, payment } = what;
  const orderId = randomUUID();
  const order = Prisma.sql`INSERT INTO "Order" (id, "tenantId", "subscriptionId", "productId", "placedByUserId", kind,
                               "seatsDelta", "amountCents", currency, "paymentProvider", status, "createdAt")
      VALUES (${orderId}::uuid, ${who.tenantId}::uuid, ${what.subscriptionId}::uuid, ${what.productId}::uuid,
              ${who.userId}::uuid, ${charge.kind}::"OrderKind", ${charge.seatsDelta}, ${charge.amountCents},
              ${charge.currency}, ${payment.provider}, 'completed', ${who.now}::timestamptz)`;
  if (charge.amountCents === 0) {
    await tx.$executeRaw(order);
    return { orderId, invoiceId: null };
  }
  const invoiceId = randomUUID();
  const [line] = charge.lines;
  // A card charge (or refund) has settled; an account charge is owed, a credit is applied to the account.
  const status = payment.paid || charge.amountCents < 0 ? "paid" : "open";
  const dueAt = new Date(who.now.getTime() + INVOICE_DUE_DAYS * 86_400_000);
  await tx.$executeRaw`
    WITH placed AS (${order} RETURNING id),
    counter AS (
      INSERT INTO "InvoiceCounter" ("tenantId", "lastNumber") VALUES (${who.tenantId}::uuid, 1)
      ON CONFLICT ("tenantId") DO UPDATE SET "lastNumber" = "InvoiceCounter"."lastNumber" + 1
      RETURNING "lastNumber"),
    invoice AS (
      INSERT INTO "Invoice" (id, "tenantId", number, status, "totalCents", currency, "issuedAt", "dueAt")
      SELECT ${invoiceId}::uuid, ${who.tenantId}::uuid,
             -- invoiceNumber(n): at least six digits
             'INV-' || CASE WHEN length(c."lastNumber"::text) >= 6 THEN c."lastNumber"::text
                            ELSE lpad(c."lastNumber"::text, 6, '0') END,
             ${status}::"InvoiceStatus", ${charge.amountCents}, ${charge.currency}, ${who.now}::timestamptz,
             ${dueAt}::timestamptz
        FROM counter c
      RETURNING id)
    INSERT INTO "InvoiceLine" (id, "invoiceId", "orderId", description, quantity, "unitPriceCents", "amountCents",
                               "periodStart", "periodEnd", "tenantId")
    SELECT gen_random_uuid(), i.id, p.id, ${line?.description ?? null}, ${line?.quantity ?? null},
           ${line?.unitPriceCents ?? null}, ${line?.amountCents ?? null}, ${line?.periodStart ?? null}::timestamptz,
           ${line?.periodEnd ?? null}::timestamptz, ${who.tenantId}::uuid
      FROM invoice i, placed p WHERE ${line !== undefined}::boolean`;
  return { orderId, invoiceId };
}
