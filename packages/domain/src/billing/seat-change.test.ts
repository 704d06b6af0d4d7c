import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CONFLICT_RESOLVE_DAYS,
  MAX_SEATS_PER_SUBSCRIPTION,
  planSeatChange,
  type SeatChangeInput,
} from "./seat-change.js";

/**
 * Adding or removing seats: removing seats below what is held is refused with SeatsInUse unless the admin
 * accepts a license conflict; adding is never refused; a conflict that was already there is not blamed on a change
 * that does not worsen it; a maker cannot remove seats from their self-service subscription below what they
 * assigned from it.
 */

function change(overrides: Partial<SeatChangeInput> = {}): SeatChangeInput {
  return {
    currentSeats: 10,
    newSeats: 10,
    subscriptionUsable: true,
    usableUnits: 10,
    consumedUnits: 8,
    acceptConflict: false,
    ...overrides,
  };
}

describe("planSeatChange", () => {
  it("the constants: a 90-day deadline and at most 100 000 seats", () => {
    expect(CONFLICT_RESOLVE_DAYS).toBe(90);
    expect(MAX_SEATS_PER_SUBSCRIPTION).toBe(100_000);
  });

  it("the same seat count is NoSeatChange", () => {
    expect(planSeatChange(change())).toEqual({ ok: false, code: "NoSeatChange" });
    expect(planSeatChange(change({ acceptConflict: true }))).toEqual({ ok: false, code: "NoSeatChange" });
  });

  it("adding seats is fine", () => {
    expect(planSeatChange(change({ newSeats: 15 }))).toEqual({ ok: true, seatsDelta: 5, shortfall: 0 });
  });

  it("removing free seats is fine", () => {
    expect(planSeatChange(change({ newSeats: 8 }))).toEqual({ ok: true, seatsDelta: -2, shortfall: 0 });
  });

  it("removing seats someone holds is SeatsInUse with the shortfall", () => {
    expect(planSeatChange(change({ newSeats: 7 }))).toEqual({ ok: false, code: "SeatsInUse", shortfall: 1 });
    expect(planSeatChange(change({ newSeats: 0 }))).toEqual({ ok: false, code: "SeatsInUse", shortfall: 8 });
  });

  it("accepting the conflict lets it through, with the shortfall to resolve", () => {
    expect(planSeatChange(change({ newSeats: 7, acceptConflict: true }))).toEqual({
      ok: true,
      seatsDelta: -3,
      shortfall: 1,
    });
  });

  it("seats of other subscriptions of the product count", () => {
    // This one has 10 of the product's 30 usable seats; 25 are held: 5 may go, 6 may not.
    expect(planSeatChange(change({ usableUnits: 30, consumedUnits: 25, newSeats: 5 }))).toMatchObject({ ok: true });
    expect(planSeatChange(change({ usableUnits: 30, consumedUnits: 25, newSeats: 4 }))).toEqual({
      ok: false,
      code: "SeatsInUse",
      shortfall: 1,
    });
  });

  it("adding seats while in conflict is never refused, and reports what is left of the conflict", () => {
    const inConflict = change({ usableUnits: 10, consumedUnits: 14 });
    expect(planSeatChange({ ...inConflict, newSeats: 11 })).toEqual({ ok: true, seatsDelta: 1, shortfall: 3 });
    expect(planSeatChange({ ...inConflict, newSeats: 14 })).toEqual({ ok: true, seatsDelta: 4, shortfall: 0 });
  });

  it("removing seats of a disabled subscription does not worsen a conflict that was already there", () => {
    // The product's usable seats are elsewhere; this subscription's seats no longer count.
    const disabled = change({ subscriptionUsable: false, currentSeats: 20, usableUnits: 10, consumedUnits: 14 });
    expect(planSeatChange({ ...disabled, newSeats: 5 })).toEqual({ ok: true, seatsDelta: -15, shortfall: 4 });
    expect(planSeatChange({ ...disabled, newSeats: 0 })).toEqual({ ok: true, seatsDelta: -20, shortfall: 4 });
  });

  it("removing usable seats while in conflict worsens it: SeatsInUse with the whole shortfall", () => {
    const inConflict = change({ usableUnits: 10, consumedUnits: 12 });
    expect(planSeatChange({ ...inConflict, newSeats: 9 })).toEqual({ ok: false, code: "SeatsInUse", shortfall: 3 });
    expect(planSeatChange({ ...inConflict, newSeats: 9, acceptConflict: true })).toEqual({
      ok: true,
      seatsDelta: -1,
      shortfall: 3,
    });
  });

  describe("a maker's self-service subscription", () => {
    // 5 seats, 3 of them given to colleagues by the buyer; the product has plenty of other seats.
    const own = change({ currentSeats: 5, usableUnits: 100, consumedUnits: 40, assignedFromSubscription: 3 });

    it("may shrink to what its buyer assigned", () => {
      expect(planSeatChange({ ...own, newSeats: 3 })).toEqual({ ok: true, seatsDelta: -2, shortfall: 0 });
    });

    it("not below it, even when the product has free seats elsewhere", () => {
      expect(planSeatChange({ ...own, newSeats: 2 })).toEqual({ ok: false, code: "SeatsInUse", shortfall: 1 });
      expect(planSeatChange({ ...own, newSeats: 0 })).toEqual({ ok: false, code: "SeatsInUse", shortfall: 3 });
    });

    it("unless the conflict is accepted", () => {
      expect(planSeatChange({ ...own, newSeats: 1, acceptConflict: true })).toEqual({
        ok: true,
        seatsDelta: -4,
        shortfall: 2,
      });
    });

    it("its own check and the product's: the larger shortfall is reported", () => {
      // Product: 12 usable, 11 held; removing 4 of this subscription's 5 seats leaves 8 usable: 3 short; own: 2 short.
      const tight = change({ currentSeats: 5, usableUnits: 12, consumedUnits: 11, assignedFromSubscription: 3 });
      expect(planSeatChange({ ...tight, newSeats: 1 })).toEqual({ ok: false, code: "SeatsInUse", shortfall: 3 });
    });

    it("adding to it is never refused", () => {
      expect(planSeatChange({ ...own, newSeats: 6 })).toEqual({ ok: true, seatsDelta: 1, shortfall: 0 });
    });
  });
});

// ── Properties ──────────────────────────────────────────────────────────────────────────────────────────────────

/** A consistent product: this subscription's seats are part of usableUnits when usable; its buyer assigned no more than it has. */
const arbitraryChange = fc
  .record({
    currentSeats: fc.integer({ min: 0, max: 60 }),
    newSeats: fc.integer({ min: 0, max: 60 }),
    subscriptionUsable: fc.boolean(),
    otherUsable: fc.integer({ min: 0, max: 60 }),
    consumedUnits: fc.integer({ min: 0, max: 150 }),
    selfService: fc.boolean(),
    assignedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    acceptConflict: fc.boolean(),
  })
  .map(
    (r): SeatChangeInput => ({
      currentSeats: r.currentSeats,
      newSeats: r.newSeats,
      subscriptionUsable: r.subscriptionUsable,
      usableUnits: r.otherUsable + (r.subscriptionUsable ? r.currentSeats : 0),
      consumedUnits: r.consumedUnits,
      ...(r.selfService ? { assignedFromSubscription: Math.floor(r.currentSeats * r.assignedShare) } : {}),
      acceptConflict: r.acceptConflict,
    }),
  );

/** Holders left without a seat after the change: by the product's count, or by the buyer's own assignments. */
function shortfallAfter(input: SeatChangeInput): number {
  const usableAfter = input.usableUnits + (input.subscriptionUsable ? input.newSeats - input.currentSeats : 0);
  return Math.max(0, input.consumedUnits - usableAfter, (input.assignedFromSubscription ?? 0) - input.newSeats);
}

describe("planSeatChange, properties", () => {
  it("no change is NoSeatChange; any other is either ok or SeatsInUse", () => {
    fc.assert(
      fc.property(arbitraryChange, (input) => {
        const outcome = planSeatChange(input);
        if (input.newSeats === input.currentSeats) expect(outcome).toEqual({ ok: false, code: "NoSeatChange" });
        else expect(outcome.ok || outcome.code === "SeatsInUse").toBe(true);
      }),
    );
  });

  it("adding seats is never refused", () => {
    fc.assert(
      fc.property(arbitraryChange, (input) => {
        fc.pre(input.newSeats > input.currentSeats);
        const outcome = planSeatChange(input);
        expect(outcome).toEqual({
          ok: true,
          seatsDelta: input.newSeats - input.currentSeats,
          shortfall: shortfallAfter(input),
        });
      }),
    );
  });

  it("an accepted conflict is never refused, and reports the holders left without a seat", () => {
    fc.assert(
      fc.property(arbitraryChange, (input) => {
        fc.pre(input.newSeats !== input.currentSeats);
        expect(planSeatChange({ ...input, acceptConflict: true })).toEqual({
          ok: true,
          seatsDelta: input.newSeats - input.currentSeats,
          shortfall: shortfallAfter(input),
        });
      }),
    );
  });

  it("SeatsInUse exactly when a removal leaves (more) holders without a seat and the conflict was not accepted", () => {
    fc.assert(
      fc.property(arbitraryChange, (input) => {
        fc.pre(input.newSeats !== input.currentSeats);
        const before = Math.max(0, input.consumedUnits - input.usableUnits);
        const after = shortfallAfter(input);
        const ownShortfall = Math.max(0, (input.assignedFromSubscription ?? 0) - input.newSeats);
        const refused =
          input.newSeats < input.currentSeats && !input.acceptConflict && (after > before || ownShortfall > 0);
        const outcome = planSeatChange(input);
        if (refused) expect(outcome).toEqual({ ok: false, code: "SeatsInUse", shortfall: after });
        else expect(outcome.ok).toBe(true);
      }),
    );
  });

  it("a removal that leaves every holder a seat is never refused", () => {
    fc.assert(
      fc.property(arbitraryChange, (input) => {
        fc.pre(input.newSeats < input.currentSeats && shortfallAfter(input) === 0);
        expect(planSeatChange(input)).toEqual({
          ok: true,
          seatsDelta: input.newSeats - input.currentSeats,
          shortfall: 0,
        });
      }),
    );
  });

  it("an existing conflict is not blamed on a removal that does not worsen it", () => {
    fc.assert(
      fc.property(arbitraryChange, (input) => {
        const own = input.assignedFromSubscription ?? 0;
        fc.pre(input.newSeats < input.currentSeats && !input.subscriptionUsable && input.newSeats >= own);
        // Seats of a subscription that is not usable carry no holders: removing them changes nobody's access.
        const outcome = planSeatChange(input);
        expect(outcome.ok).toBe(true);
        if (outcome.ok) expect(outcome.shortfall).toBe(Math.max(0, input.consumedUnits - input.usableUnits));
      }),
    );
  });

  it("removing more is never allowed where removing less is refused", () => {
    fc.assert(
      fc.property(arbitraryChange, fc.integer({ min: 1, max: 60 }), (input, more) => {
        fc.pre(input.newSeats < input.currentSeats);
        const fewer = { ...input, newSeats: Math.max(0, input.newSeats - more) };
        fc.pre(fewer.newSeats !== input.newSeats);
        if (!planSeatChange(input).ok) expect(planSeatChange(fewer).ok).toBe(false);
      }),
    );
  });
});
