import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectConflict, detectConflicts, holdersDependingOn, holdersOnExpiredSeats } from "./conflicts.js";
import type { SubscriptionSeats } from "./seats.js";

const sub = (id: string, seats: number, state: SubscriptionSeats["state"]): SubscriptionSeats => ({
  id,
  seats,
  state,
  source: "admin",
  takenOver: false,
});
const users = (n: number) => Array.from({ length: n }, (_, i) => `user-${String(i).padStart(3, "0")}`);

describe("detectConflict", () => {
  it("finds no conflict while every holder has a seat in an active subscription, expired ones beside them", () => {
    expect(
      detectConflict({
        productId: "p",
        subscriptions: [sub("a", 10, "active"), sub("b", 5, "expired")],
        userIds: users(10),
      }),
    ).toBeNull();
  });

  it("reports the holders depending on an expired subscription as an expired conflict, renewing it the only fix", () => {
    const conflict = detectConflict({
      productId: "p",
      subscriptions: [sub("a", 5, "active"), sub("b", 5, "expired"), sub("c", 9, "disabled")],
      userIds: users(8),
    });
    expect(conflict).toMatchObject({ kind: "expired", consumedUnits: 8, usableUnits: 10, shortfall: 0, expiring: 3 });
    expect(conflict?.fixes).toEqual([
      { kind: "renewSubscription", subscriptionId: "b", seats: 5, state: "expired", trial: false },
    ]);
  });

  it("keeps a shortfall a shortfall, and still offers to renew the expired subscriptions others depend on", () => {
    const conflict = detectConflict({
      productId: "p",
      subscriptions: [sub("a", 2, "active"), sub("b", 3, "expired"), { ...sub("t", 4, "disabled"), source: "trial" }],
      userIds: users(7),
    });
    expect(conflict).toMatchObject({ kind: "shortfall", shortfall: 2, expiring: 3 });
    expect(conflict?.fixes.filter((fix) => fix.kind === "renewSubscription")).toEqual([
      { kind: "renewSubscription", subscriptionId: "t", seats: 4, state: "disabled", trial: true },
      { kind: "renewSubscription", subscriptionId: "b", seats: 3, state: "expired", trial: false },
    ]);
  });

  it("reports the shortfall, the holders and the fixes when seats were removed", () => {
    const conflict = detectConflict({ productId: "p", subscriptions: [sub("a", 8, "active")], userIds: users(10) });
    expect(conflict).toMatchObject({ consumedUnits: 10, usableUnits: 8, shortfall: 2, userIds: users(10) });
    expect(conflict?.fixes).toEqual([
      { kind: "buySeats", seats: 2 },
      { kind: "removeAssignments", count: 2 },
      { kind: "deleteUsers", count: 2 },
    ]);
  });

  it("offers to renew disabled subscriptions, the smallest one that covers the shortfall first", () => {
    const conflict = detectConflict({
      productId: "p",
      subscriptions: [
        sub("big", 50, "disabled"),
        sub("small", 1, "disabled"),
        sub("fits", 5, "disabled"),
        sub("gone", 9, "deleted"),
      ],
      userIds: users(4),
    });
    expect(conflict?.shortfall).toBe(4);
    expect(conflict?.fixes.filter((fix) => fix.kind === "renewSubscription")).toEqual([
      { kind: "renewSubscription", subscriptionId: "fits", seats: 5, state: "disabled", trial: false },
      { kind: "renewSubscription", subscriptionId: "big", seats: 50, state: "disabled", trial: false },
      { kind: "renewSubscription", subscriptionId: "small", seats: 1, state: "disabled", trial: false },
    ]);
  });

  it("counts a user holding the product twice (direct and through a group) once", () => {
    expect(detectConflict({ productId: "p", subscriptions: [sub("a", 1, "active")], userIds: ["u", "u"] })).toBeNull();
  });

  it("takes the holder count from consumedUnits when only some holders are listed", () => {
    const conflict = detectConflict({
      productId: "p",
      subscriptions: [sub("a", 100, "active")],
      userIds: users(3),
      consumedUnits: 130,
    });
    expect(conflict).toMatchObject({ consumedUnits: 130, usableUnits: 100, shortfall: 30, userIds: users(3) });
    expect(conflict?.fixes[0]).toEqual({ kind: "buySeats", seats: 30 });
  });

  it("is a conflict exactly when distinct holders exceed active seats, whatever the order of users", () => {
    const subscription = fc.record({
      id: fc.uuid(),
      seats: fc.nat({ max: 20 }),
      state: fc.constantFrom("active", "expired", "disabled", "deleted" as const),
      source: fc.constant("admin" as const),
      takenOver: fc.constant(false),
    });
    fc.assert(
      fc.property(
        fc.array(subscription, { maxLength: 5 }),
        fc.array(fc.uuid(), { maxLength: 60 }),
        (subscriptions, ids) => {
          const conflict = detectConflict({ productId: "p", subscriptions, userIds: ids });
          const reversed = detectConflict({ productId: "p", subscriptions, userIds: [...ids].reverse() });
          expect(reversed).toEqual(conflict);
          const usable = subscriptions
            .filter((s) => s.state === "active" || s.state === "expired")
            .reduce((n, s) => n + s.seats, 0);
          const active = subscriptions.filter((s) => s.state === "active").reduce((n, s) => n + s.seats, 0);
          const holders = new Set(ids).size;
          expect(conflict !== null).toBe(holders > active);
          if (conflict) {
            expect(conflict.shortfall).toBe(Math.max(0, holders - usable));
            expect(conflict.kind).toBe(holders > usable ? "shortfall" : "expired");
            // Every holder beyond the active seats is either without a seat or on an expired one.
            expect(conflict.shortfall + conflict.expiring).toBe(holders - active);
          }
        },
      ),
    );
  });
});

describe("detectConflicts", () => {
  it("lists only the products in conflict, by product id", () => {
    const conflicts = detectConflicts([
      { productId: "b", subscriptions: [sub("s1", 1, "active")], userIds: users(3) },
      { productId: "c", subscriptions: [sub("s2", 9, "active")], userIds: users(3) },
      { productId: "a", subscriptions: [sub("s3", 2, "disabled")], userIds: users(1) },
    ]);
    expect(conflicts.map((c) => [c.productId, c.shortfall])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });
});

describe("holdersDependingOn", () => {
  const subscriptions = [sub("keep", 10, "active"), sub("cancel", 2, "active"), sub("off", 4, "disabled")];

  it("is nobody when the other subscriptions have seats for every holder (a cancelled subscription's spare seats)", () => {
    expect(holdersDependingOn(subscriptions, 8, "cancel")).toBe(0);
    expect(holdersDependingOn(subscriptions, 10, "cancel")).toBe(0);
  });

  it("is the holders beyond the other subscriptions' usable seats, at most its own seats", () => {
    expect(holdersDependingOn(subscriptions, 11, "cancel")).toBe(1);
    expect(holdersDependingOn(subscriptions, 12, "cancel")).toBe(2);
    expect(holdersDependingOn(subscriptions, 20, "cancel")).toBe(2);
  });

  it("counts an expired subscription's seats as usable, a disabled one's not", () => {
    const withExpired = [sub("a", 3, "active"), sub("b", 3, "expired"), sub("c", 3, "disabled")];
    expect(holdersDependingOn(withExpired, 5, "b")).toBe(2);
    expect(holdersDependingOn(withExpired, 5, "a")).toBe(2);
    expect(holdersDependingOn(withExpired, 8, "c")).toBe(2);
  });

  it("is nobody for a deleted or unknown subscription", () => {
    expect(holdersDependingOn([sub("gone", 5, "deleted")], 5, "gone")).toBe(0);
    expect(holdersDependingOn(subscriptions, 50, "nope")).toBe(0);
  });
});

describe("holdersOnExpiredSeats", () => {
  const seats = (consumedUnits: number, enabled: number, warning: number) => ({
    consumedUnits,
    usableUnits: enabled + warning,
    prepaidUnits: { enabled, warning, suspended: 0, lockedOut: 0 },
  });

  it("counts the holders beyond the active seats who still have an expired (grace) seat", () => {
    expect(holdersOnExpiredSeats(seats(7, 5, 3))).toBe(2);
    expect(holdersOnExpiredSeats(seats(2, 0, 3))).toBe(2);
  });

  it("is 0 when the active seats hold everyone, and leaves holders without any seat to the shortfall", () => {
    expect(holdersOnExpiredSeats(seats(5, 5, 3))).toBe(0);
    expect(holdersOnExpiredSeats(seats(0, 0, 3))).toBe(0);
    expect(holdersOnExpiredSeats(seats(10, 5, 3))).toBe(3);
  });

  it("is what detectConflict reports as expiring", () => {
    const conflict = detectConflict({
      productId: "p",
      userIds: users(3),
      subscriptions: [sub("s1", 1, "active"), sub("s2", 5, "expired")],
    });
    expect(conflict?.expiring).toBe(holdersOnExpiredSeats(seats(3, 1, 5)));
    expect(conflict?.expiring).toBe(2);
  });
});
