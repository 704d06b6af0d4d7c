import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectConflict, detectConflicts } from "./conflicts.js";
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
  it("finds no conflict while every holder has a usable seat (expired subscriptions still count)", () => {
    expect(
      detectConflict({
        productId: "p",
        subscriptions: [sub("a", 5, "active"), sub("b", 5, "expired")],
        userIds: users(10),
      }),
    ).toBeNull();
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
      { kind: "renewSubscription", subscriptionId: "fits", seats: 5 },
      { kind: "renewSubscription", subscriptionId: "big", seats: 50 },
      { kind: "renewSubscription", subscriptionId: "small", seats: 1 },
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

  it("is a conflict exactly when distinct holders exceed usable seats, whatever the order of users", () => {
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
          const holders = new Set(ids).size;
          expect(conflict !== null).toBe(holders > usable);
          if (conflict) expect(conflict.shortfall).toBe(holders - usable);
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
