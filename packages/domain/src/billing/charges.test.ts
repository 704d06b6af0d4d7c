import { describe, expect, it } from "vitest";
import {
  type Charge,
  MAX_ORDER_AMOUNT_CENTS,
  type PricingOutcome,
  priceCancellation,
  priceSeatChange,
  priceTerm,
  priceTrial,
  seatWord,
} from "./charges.js";
import { prorate } from "./proration.js";
import { termEnd } from "./terms.js";

/** Invoice lines of each billing change: amounts, descriptions and periods, and the one-order limit. */

const product = { displayName: "Microsoft 365 E3", pricePerSeatMonthCents: 3390, currency: "EUR" };
const at = (iso: string) => new Date(iso);
const start = at("2024-04-01T00:00:00.000Z");

function charged(outcome: PricingOutcome): Charge {
  if (!outcome.ok) throw new Error(`expected a charge, got ${outcome.code}`);
  return outcome.charge;
}

describe("priceTerm", () => {
  it("bills a whole term of every seat now, as one line", () => {
    expect(charged(priceTerm("purchase", product, 3, "monthly", start))).toEqual({
      kind: "purchase",
      seatsDelta: 3,
      amountCents: 10_170,
      currency: "EUR",
      lines: [
        {
          description: "Microsoft 365 E3, 3 seats, monthly term 2024-04-01 to 2024-05-01",
          quantity: 3,
          unitPriceCents: 3390,
          amountCents: 10_170,
          periodStart: start,
          periodEnd: at("2024-05-01T00:00:00.000Z"),
        },
      ],
      daysLeft: null,
      termDays: null,
    });
  });

  it("an annual term costs twelve months; a conversion records the seats it adds", () => {
    const charge = charged(priceTerm("trialConversion", product, 1, "annual", start, -24));
    expect(charge).toMatchObject({ kind: "trialConversion", seatsDelta: -24, amountCents: 40_680 });
    expect(charge.lines[0]?.description).toBe("Microsoft 365 E3, 1 seat, annual term 2024-04-01 to 2025-04-01");
  });

  it("refuses more than one order may bill", () => {
    const seats = Math.floor(MAX_ORDER_AMOUNT_CENTS / 40_680) + 1;
    expect(priceTerm("purchase", product, seats, "annual", start)).toEqual({
      ok: false,
      code: "OrderTooLarge",
      amountCents: seats * 40_680,
      currency: "EUR",
      tooLarge: { kind: "change" },
    });
  });
});

describe("priceSeatChange", () => {
  const term = {
    seats: 5,
    billingTerm: "monthly" as const,
    termStartsAt: start,
    termEndsAt: termEnd(start, "monthly"),
  };

  it("charges the days left of the term for added seats", () => {
    const now = at("2024-04-16T12:00:00.000Z");
    const charge = charged(priceSeatChange(product, term, 7, now));
    const proration = prorate({ ...term, pricePerSeatMonthCents: 3390, term: "monthly", at: now, seatsDelta: 2 });
    expect(charge).toMatchObject({
      kind: "seatChange",
      seatsDelta: 2,
      amountCents: proration.amountCents,
      daysLeft: proration.daysLeft,
      termDays: 30,
    });
    expect(charge.lines[0]).toMatchObject({
      description: `Microsoft 365 E3, +2 seats, prorated ${proration.daysLeft} of 30 days`,
      periodStart: now,
      periodEnd: term.termEndsAt,
    });
  });

  it("credits removed seats, and a change before the term starts runs from its start", () => {
    const charge = charged(priceSeatChange(product, term, 4, at("2024-03-20T00:00:00.000Z")));
    expect(charge).toMatchObject({ seatsDelta: -1, amountCents: -3390 });
    expect(charge.lines[0]).toMatchObject({
      description: "Microsoft 365 E3, -1 seat, prorated 30 of 30 days",
      periodStart: start,
    });
  });

  it("refuses a seat count whose renewal one order could not bill, before pricing the change", () => {
    const seats = Math.floor(MAX_ORDER_AMOUNT_CENTS / 3390) + 1;
    expect(priceSeatChange(product, term, seats, start)).toEqual({
      ok: false,
      code: "OrderTooLarge",
      amountCents: seats * 3390,
      currency: "EUR",
      tooLarge: { kind: "renewal", seats },
    });
  });
});

describe("priceCancellation", () => {
  it("credits the unused days, for every seat, as cancelSubscription prorated them", () => {
    const term = {
      seats: 2,
      billingTerm: "monthly" as const,
      termStartsAt: start,
      termEndsAt: termEnd(start, "monthly"),
    };
    const now = at("2024-04-11T00:00:00.000Z");
    const credit = prorate({ ...term, pricePerSeatMonthCents: 3390, term: "monthly", at: now, seatsDelta: -2 });
    const charge = charged(priceCancellation(product, term, credit, now));
    expect(charge).toMatchObject({
      kind: "cancellation",
      seatsDelta: 0,
      amountCents: credit.amountCents,
      daysLeft: 20,
    });
    expect(charge.lines[0]).toMatchObject({
      description: "Microsoft 365 E3, cancelled: credit for 20 unused of 30 days",
      quantity: -2,
      periodStart: now,
      periodEnd: term.termEndsAt,
    });
  });
});

describe("priceTrial", () => {
  it("is free: an order for the record", () => {
    const end = at("2024-06-30T00:00:00.000Z");
    expect(charged(priceTrial(product, 25, start, end))).toMatchObject({
      kind: "trial",
      seatsDelta: 25,
      amountCents: 0,
      lines: [{ description: "Microsoft 365 E3, free trial, 25 seats, 2024-04-01 to 2024-06-30", unitPriceCents: 0 }],
    });
  });
});

describe("seatWord", () => {
  it("counts one seat, or several, either way", () => {
    expect([seatWord(1), seatWord(-1), seatWord(0), seatWord(3)]).toEqual(["1 seat", "-1 seat", "0 seats", "3 seats"]);
  });
});
