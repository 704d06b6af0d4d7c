import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fullTermCents, type ProrationInput, prorate } from "./proration.js";
import { addDays, type BillingTerm, DAY_MS, termEnd, termPriceCents } from "./terms.js";

/**
 * Proration to the day: a change mid-term pays (or is credited) seatsDelta × term price × daysLeft / termDays in
 * whole cents; a full term costs the full price, a started day is charged but never credited (so a credit mirrors
 * the charge exactly at a day boundary and is one day short inside a day), no change ever costs more than the full
 * term, and splitting a change into two on the same day costs the same within a cent each.
 */

const utc = (iso: string) => new Date(iso);

function input(overrides: Partial<ProrationInput> = {}): ProrationInput {
  const termStartsAt = overrides.termStartsAt ?? utc("2024-04-01T00:00:00.000Z");
  const term = overrides.term ?? "monthly";
  return {
    pricePerSeatMonthCents: 1310,
    term,
    termStartsAt,
    termEndsAt: termEnd(termStartsAt, term),
    at: termStartsAt,
    seatsDelta: 1,
    ...overrides,
  };
}

describe("prorate", () => {
  it("a change at the start of the term costs the full term", () => {
    const result = prorate(input({ seatsDelta: 5 }));
    expect(result).toEqual({ daysLeft: 30, termDays: 30, unitPriceCents: 1310, amountCents: 6550 });
  });

  it("an annual term's unit price is twelve months", () => {
    const result = prorate(input({ term: "annual", pricePerSeatMonthCents: 3390, seatsDelta: 2 }));
    expect(result).toEqual({ daysLeft: 365, termDays: 365, unitPriceCents: 40_680, amountCents: 81_360 });
  });

  it("pays for the days left, rounded half away from zero", () => {
    // April has 30 days; 10 days in, 20 are left: 3 × 1310 × 20/30 = 2620.
    const at = addDays(utc("2024-04-01T00:00:00.000Z"), 10);
    expect(prorate(input({ at, seatsDelta: 3 }))).toMatchObject({ daysLeft: 20, termDays: 30, amountCents: 2620 });
    // 1 × 1000 × 1/30 = 33.33 → 33; 1 × 1000 × 2/30 = 66.67 → 67.
    const price = 1000;
    const lastDay = addDays(utc("2024-04-01T00:00:00.000Z"), 29);
    expect(prorate(input({ at: lastDay, pricePerSeatMonthCents: price })).amountCents).toBe(33);
    expect(prorate(input({ at: addDays(lastDay, -1), pricePerSeatMonthCents: price })).amountCents).toBe(67);
    // Exactly half: 1 × 45 × 15/30 = 22.5 → 23 and the credit −23.
    const half = addDays(utc("2024-04-01T00:00:00.000Z"), 15);
    expect(prorate(input({ at: half, pricePerSeatMonthCents: 45 })).amountCents).toBe(23);
    expect(prorate(input({ at: half, pricePerSeatMonthCents: 45, seatsDelta: -1 })).amountCents).toBe(-23);
  });

  it("a started day is charged when seats are added", () => {
    const start = utc("2024-04-01T00:00:00.000Z");
    expect(prorate(input({ at: new Date(start.getTime() + 1) })).daysLeft).toBe(30);
    expect(prorate(input({ at: new Date(start.getTime() + DAY_MS) })).daysLeft).toBe(29);
    expect(prorate(input({ at: new Date(start.getTime() + DAY_MS + 1) })).daysLeft).toBe(29);
    expect(prorate(input({ at: new Date(termEnd(start, "monthly").getTime() - 1) })).daysLeft).toBe(1);
  });

  it("a started day is never credited when seats are removed", () => {
    const start = utc("2024-04-01T00:00:00.000Z");
    const removal = (at: Date) => prorate(input({ at, seatsDelta: -1 })).daysLeft;
    expect(removal(start)).toBe(30);
    expect(removal(new Date(start.getTime() + 1))).toBe(29);
    expect(removal(new Date(start.getTime() + DAY_MS))).toBe(29);
    expect(removal(new Date(start.getTime() + DAY_MS + 1))).toBe(28);
    expect(removal(new Date(termEnd(start, "monthly").getTime() - 1))).toBe(0);
    // 10.5 days into April: 1 × 3000 × 19/30 credited, 1 × 3000 × 20/30 charged for the same instant.
    const midDay = new Date(start.getTime() + 10.5 * DAY_MS);
    expect(prorate(input({ at: midDay, pricePerSeatMonthCents: 3000, seatsDelta: -1 })).amountCents).toBe(-1900);
    expect(prorate(input({ at: midDay, pricePerSeatMonthCents: 3000, seatsDelta: 1 })).amountCents).toBe(2000);
  });

  it("a change at the term's end or after costs nothing; one before the start costs the full term", () => {
    const start = utc("2024-04-01T00:00:00.000Z");
    const end = termEnd(start, "monthly");
    expect(prorate(input({ at: end, seatsDelta: 4 }))).toMatchObject({ daysLeft: 0, amountCents: 0 });
    expect(prorate(input({ at: addDays(end, 400), seatsDelta: 4 }))).toMatchObject({ daysLeft: 0, amountCents: 0 });
    expect(prorate(input({ at: addDays(start, -10), seatsDelta: 4 }))).toMatchObject({
      daysLeft: 30,
      amountCents: 4 * 1310,
    });
  });

  it("a removal is a credit, never −0", () => {
    const at = addDays(utc("2024-04-01T00:00:00.000Z"), 10);
    expect(prorate(input({ at, seatsDelta: -3 })).amountCents).toBe(-2620);
    const zero = prorate(input({ at: addDays(utc("2024-04-01T00:00:00.000Z"), 40), seatsDelta: -3 })).amountCents;
    expect(Object.is(zero, 0)).toBe(true);
    const tiny = prorate(
      input({ at: addDays(utc("2024-04-01T00:00:00.000Z"), 29), seatsDelta: -1, pricePerSeatMonthCents: 1 }),
    );
    expect(Object.is(tiny.amountCents, 0)).toBe(true);
  });

  it("a February term in a leap year has 29 days", () => {
    const termStartsAt = utc("2024-02-01T00:00:00.000Z");
    expect(prorate(input({ termStartsAt, at: addDays(termStartsAt, 14) }))).toMatchObject({
      termDays: 29,
      daysLeft: 15,
      amountCents: Math.round((1310 * 15) / 29),
    });
  });

  it("fullTermCents is the term price per seat times the seats", () => {
    expect(fullTermCents(1310, "monthly", 5)).toBe(6550);
    expect(fullTermCents(1310, "annual", 5)).toBe(78_600);
    expect(fullTermCents(1310, "annual", 0)).toBe(0);
  });
});

// ── Properties ──────────────────────────────────────────────────────────────────────────────────────────────────

const arbitraryTerm = fc.constantFrom<BillingTerm>("monthly", "annual");
const arbitraryStart = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2060, 0, 1) }).map((ms) => new Date(ms));
/** A realistic order: up to 100 000 seats (the per-subscription maximum) at up to €1 000 per seat a month. */
const arbitraryPrice = fc.integer({ min: 0, max: 100_000 });
const arbitraryDelta = fc.integer({ min: -100_000, max: 100_000 }).filter((d) => d !== 0);

/** A term, and an instant from a month before its start to a month after its end. */
const arbitraryCase = fc
  .record({ term: arbitraryTerm, start: arbitraryStart, price: arbitraryPrice, delta: arbitraryDelta })
  .chain(({ term, start, price, delta }) => {
    const end = termEnd(start, term);
    return fc.integer({ min: start.getTime() - 31 * DAY_MS, max: end.getTime() + 31 * DAY_MS }).map(
      (at): ProrationInput => ({
        pricePerSeatMonthCents: price,
        term,
        termStartsAt: start,
        termEndsAt: end,
        at: new Date(at),
        seatsDelta: delta,
      }),
    );
  });

describe("prorate, properties", () => {
  it("a change at the term's start (or earlier) costs exactly the full-term price", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const atStart = { ...c, at: new Date(Math.min(c.at.getTime(), c.termStartsAt.getTime())) };
        // (+ 0: a free product's credit is 0, never −0.)
        expect(prorate(atStart).amountCents).toBe(c.seatsDelta * termPriceCents(c.pricePerSeatMonthCents, c.term) + 0);
        expect(prorate(atStart).daysLeft).toBe(prorate(atStart).termDays);
      }),
    );
  });

  it("amounts are integers whose sign follows the delta and never exceed the full-term price", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const { amountCents, daysLeft, termDays, unitPriceCents } = prorate(c);
        expect(Number.isSafeInteger(amountCents)).toBe(true);
        expect(Object.is(amountCents, -0)).toBe(false);
        if (amountCents !== 0) expect(Math.sign(amountCents)).toBe(Math.sign(c.seatsDelta));
        expect(Math.abs(amountCents)).toBeLessThanOrEqual(Math.abs(c.seatsDelta) * unitPriceCents);
        expect(daysLeft).toBeGreaterThanOrEqual(0);
        expect(daysLeft).toBeLessThanOrEqual(termDays);
        expect(Number.isInteger(daysLeft) && Number.isInteger(termDays)).toBe(true);
        // Within half a cent of the exact formula.
        expect(Math.abs(amountCents - (c.seatsDelta * unitPriceCents * daysLeft) / termDays)).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it("at a day boundary a credit mirrors the charge of the same change exactly", () => {
    fc.assert(
      fc.property(arbitraryCase, fc.integer({ min: -40, max: 400 }), (c, days) => {
        const onBoundary = { ...c, at: addDays(c.termStartsAt, days) };
        const charge = prorate({ ...onBoundary, seatsDelta: Math.abs(c.seatsDelta) }).amountCents;
        const credit = prorate({ ...onBoundary, seatsDelta: -Math.abs(c.seatsDelta) }).amountCents;
        expect(credit).toBe(charge === 0 ? 0 : -charge);
      }),
    );
  });

  it("inside a day the credit gives back one day less than the charge takes", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const charge = prorate({ ...c, seatsDelta: Math.abs(c.seatsDelta) });
        const credit = prorate({ ...c, seatsDelta: -Math.abs(c.seatsDelta) });
        const inTerm = c.at.getTime() > c.termStartsAt.getTime() && c.at.getTime() < c.termEndsAt.getTime();
        const midDay = (c.termEndsAt.getTime() - c.at.getTime()) % DAY_MS !== 0;
        expect(charge.daysLeft - credit.daysLeft).toBe(inTerm && midDay ? 1 : 0);
        expect(Math.abs(credit.amountCents)).toBeLessThanOrEqual(charge.amountCents);
      }),
    );
  });

  it("`at` outside the term is clamped into it", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const clamped = new Date(Math.min(Math.max(c.at.getTime(), c.termStartsAt.getTime()), c.termEndsAt.getTime()));
        expect(prorate(c)).toEqual(prorate({ ...c, at: clamped }));
        if (c.at.getTime() >= c.termEndsAt.getTime()) expect(prorate(c).amountCents).toBe(0);
      }),
    );
  });

  it("the later the change, the smaller the amount", () => {
    fc.assert(
      fc.property(arbitraryCase, fc.integer({ min: 0, max: 40 * DAY_MS }), (c, later) => {
        const first = Math.abs(prorate(c).amountCents);
        const second = Math.abs(prorate({ ...c, at: new Date(c.at.getTime() + later) }).amountCents);
        expect(second).toBeLessThanOrEqual(first);
      }),
    );
  });

  it("adding a then b seats at once costs what adding a + b costs, within a cent per change (never less)", () => {
    fc.assert(
      fc.property(
        arbitraryCase,
        fc.integer({ min: -50_000, max: 50_000 }),
        fc.integer({ min: -50_000, max: 50_000 }),
        (c, a, b) => {
          fc.pre(a !== 0 && b !== 0 && a + b !== 0);
          const split = prorate({ ...c, seatsDelta: a }).amountCents + prorate({ ...c, seatsDelta: b }).amountCents;
          const once = prorate({ ...c, seatsDelta: a + b }).amountCents;
          // Seats added and others removed at once: the added ones pay for the started day the removed ones keep.
          if (Math.sign(a) === Math.sign(b)) expect(Math.abs(split - once)).toBeLessThanOrEqual(1);
          else expect(split).toBeGreaterThanOrEqual(once - 1);
        },
      ),
    );
  });

  it("adding seats and removing them again at once costs the started day, and nothing at a day boundary", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const seats = Math.abs(c.seatsDelta);
        const net =
          prorate({ ...c, seatsDelta: seats }).amountCents + prorate({ ...c, seatsDelta: -seats }).amountCents;
        const { termDays, unitPriceCents } = prorate(c);
        const oneDay = (seats * unitPriceCents) / termDays;
        const midDay = (c.termEndsAt.getTime() - c.at.getTime()) % DAY_MS !== 0;
        const inTerm = c.at.getTime() > c.termStartsAt.getTime() && c.at.getTime() < c.termEndsAt.getTime();
        if (inTerm && midDay) expect(Math.abs(net - oneDay)).toBeLessThanOrEqual(1);
        else expect(net).toBe(0);
      }),
    );
  });
});
