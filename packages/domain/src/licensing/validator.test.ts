import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Role } from "../roles.js";
import { CATALOG, member, product, seats } from "./test-catalog.js";
import {
  type LicenseChange,
  type ProductSeats,
  type UserLicenses,
  type ViolationCode,
  validateLicenseChanges,
} from "./validator.js";

function run(
  users: UserLicenses[],
  changes: LicenseChange[],
  seatMap = seats({ e3: 10, exo1: 10, exo2: 10, archive: 10, pbi: 10 }),
  actorRoles: Role[] = ["licenseAdmin"],
) {
  return validateLicenseChanges({
    actorRoles,
    catalog: CATALOG,
    seats: seatMap,
    users: new Map(users.map((u) => [u.userId, u])),
    changes,
  });
}

function codes(result: ReturnType<typeof run>, userId: string): ViolationCode[] {
  const entry = result.results.find((r) => r.userId === userId);
  return entry && !entry.ok ? entry.violations.map((v) => v.code) : [];
}

const add = (userId: string, ...productIds: string[]): LicenseChange => ({
  userId,
  add: productIds.map((productId) => ({ productId, disabledServicePlanIds: [] })),
  remove: [],
});

describe("validateLicenseChanges: one user", () => {
  it("assigns a product and takes a seat", () => {
    const result = run([member("u1")], [add("u1", "pbi")]);
    expect(result.results[0]).toMatchObject({ ok: true, seatsTaken: ["pbi"], seatsFreed: [] });
    expect(result.seatsAfter.get("pbi")).toBe(9);
  });

  it.each<[string, UserLicenses, LicenseChange, ViolationCode[], Role[]?]>([
    ["no seat left", member("u"), add("u", "pbi"), ["CountViolation"]],
    ["no usage location", member("u", { usageLocation: null }), add("u", "e3"), ["UsageLocationRequired"]],
    [
      "a location where the product is not sold",
      member("u", { usageLocation: "CU" }),
      add("u", "e3"),
      ["ProhibitedInUsageLocationViolation"],
    ],
    ["two exclusive products", member("u"), add("u", "exo1", "exo2"), ["MutuallyExclusiveViolation"]],
    ["a missing prerequisite", member("u"), add("u", "archive"), ["DependencyViolation"]],
    ["a guest, by a license admin", member("u", { userType: "guest" }), add("u", "e3"), ["GuestRequiresGlobalAdmin"]],
    ["an unknown product", member("u"), add("u", "nope"), ["UnknownProduct"]],
    ["a role without the right", member("u"), add("u", "e3"), ["Forbidden"], ["billingAdmin"]],
    ["removing what is not assigned", member("u"), { userId: "u", add: [], remove: ["e3"] }, ["NotAssigned"]],
    [
      "a plan from another product",
      member("u"),
      { userId: "u", add: [{ productId: "e3", disabledServicePlanIds: ["pbi-plan-1"] }], remove: [] },
      ["InvalidServicePlan"],
    ],
    [
      "the same product with the same plans again",
      member("u", { direct: [{ productId: "e3", disabledServicePlanIds: [] }] }),
      add("u", "e3"),
      ["AlreadyAssigned"],
    ],
    [
      "removing a prerequisite another product needs",
      member("u", {
        direct: [
          { productId: "e3", disabledServicePlanIds: [] },
          { productId: "archive", disabledServicePlanIds: [] },
        ],
      }),
      { userId: "u", add: [], remove: ["e3"] },
      ["DependencyViolation"],
    ],
  ])("refuses %s", (_, user, change, expected, roles) => {
    const seatMap = seats({
      e3: 10,
      exo1: 10,
      exo2: 10,
      archive: 10,
      pbi: change.add.some((a) => a.productId === "pbi") ? 0 : 10,
    });
    expect(codes(run([user], [change], seatMap, roles), "u")).toEqual(expected);
  });

  it("refuses assigning from subscriptions that are not usable (disabled, or self-service not taken over)", () => {
    expect(codes(run([member("u")], [add("u", "pbi")], seats({ pbi: "unusable" })), "u")).toEqual([
      "SubscriptionNotUsable",
    ]);
  });

  it("lets a global admin license a guest", () => {
    const result = run([member("g", { userType: "guest" })], [add("g", "pbi")], undefined, ["globalAdmin"]);
    expect(result.results[0]?.ok).toBe(true);
  });

  it("switches service plans by re-adding a held product, without taking a seat", () => {
    const user = member("u", { direct: [{ productId: "e3", disabledServicePlanIds: [] }] });
    const result = run(
      [user],
      [{ userId: "u", add: [{ productId: "e3", disabledServicePlanIds: ["e3-plan-2"] }], remove: [] }],
      seats({ e3: 0 }),
    );
    expect(result.results[0]).toMatchObject({
      ok: true,
      seatsTaken: [],
      direct: [{ productId: "e3", disabledServicePlanIds: ["e3-plan-2"] }],
    });
  });

  it("swaps exclusive products in one atomic change (remove one, add the other)", () => {
    const user = member("u", { direct: [{ productId: "exo1", disabledServicePlanIds: [] }] });
    const result = run(
      [user],
      [{ userId: "u", add: [{ productId: "exo2", disabledServicePlanIds: [] }], remove: ["exo1"] }],
    );
    expect(result.results[0]).toMatchObject({ ok: true, seatsTaken: ["exo2"], seatsFreed: ["exo1"] });
  });

  it("keeps the seat of a product the user still inherits from a group when its direct license goes", () => {
    const user = member("u", {
      direct: [{ productId: "pbi", disabledServicePlanIds: [] }],
      inherited: new Set(["pbi"]),
    });
    const result = run([user], [{ userId: "u", add: [], remove: ["pbi"] }]);
    expect(result.results[0]).toMatchObject({ ok: true, seatsFreed: [] });
  });

  it("reports every violation of a refused change and takes no seat", () => {
    const user = member("u", { usageLocation: null });
    const result = run([user], [add("u", "e3", "archive", "exo1", "exo2")]);
    expect(new Set(codes(result, "u"))).toEqual(new Set(["UsageLocationRequired", "MutuallyExclusiveViolation"]));
    expect(result.seatsAfter.get("e3")).toBe(10);
  });
});

describe("validateLicenseChanges: many users", () => {
  it("hands out the last seats in user id order and refuses the rest with CountViolation", () => {
    const users = ["c", "a", "b"].map((id) => member(id));
    const result = run(
      users,
      users.map((u) => add(u.userId, "pbi")),
      seats({ pbi: 2 }),
    );
    expect(result.results.map((r) => [r.userId, r.ok])).toEqual([
      ["a", true],
      ["b", true],
      ["c", false],
    ]);
    expect(codes(result, "c")).toEqual(["CountViolation"]);
    expect(result.seatsAfter.get("pbi")).toBe(0);
  });

  it("lets a seat freed by one user's change go to a later user", () => {
    const users = [member("a", { direct: [{ productId: "pbi", disabledServicePlanIds: [] }] }), member("b")];
    const result = run(users, [{ userId: "a", add: [], remove: ["pbi"] }, add("b", "pbi")], seats({ pbi: 0 }));
    expect(result.results.every((r) => r.ok)).toBe(true);
  });
});

// ── Properties over random catalogs, seats, users and changes ──
const PRODUCTS = ["p1", "p2", "p3", "p4"] as const;
const arbitraryWorld = fc
  .record({
    excludes: fc.subarray([["p1", "p2"] as const, ["p3", "p4"] as const]),
    requires: fc.option(fc.constantFrom(...PRODUCTS), { nil: undefined }),
    seats: fc.tuple(...PRODUCTS.map(() => fc.nat({ max: 4 }))),
    users: fc.uniqueArray(
      fc.record({
        userId: fc.stringMatching(/^[a-f0-9]{4}$/),
        held: fc.subarray([...PRODUCTS]),
        location: fc.constantFrom("NL", null),
      }),
      { minLength: 1, maxLength: 8, selector: (u) => u.userId },
    ),
  })
  .chain((world) =>
    fc
      .tuple(
        ...world.users.map(() => fc.record({ add: fc.subarray([...PRODUCTS]), remove: fc.subarray([...PRODUCTS]) })),
      )
      .map((changes) => ({ world, changes })),
  );

describe("validateLicenseChanges: properties", () => {
  it("never hands out more seats than are available, and refused users change nothing", () => {
    fc.assert(
      fc.property(arbitraryWorld, ({ world, changes }) => {
        const catalog = new Map(
          PRODUCTS.map((id) => [
            id,
            product(id, {
              excludes: new Set(world.excludes.flatMap(([a, b]) => (a === id ? [b] : b === id ? [a] : []))),
              requiresAnyOf: new Set(world.requires && world.requires !== id && id === "p1" ? [world.requires] : []),
            }),
          ]),
        );
        const seatMap = new Map(
          PRODUCTS.map((id, i) => [id, { available: world.seats[i] as number, assignable: true }]),
        );
        const users = new Map(
          world.users.map((u) => [
            u.userId,
            member(u.userId, {
              usageLocation: u.location,
              direct: u.held.map((productId) => ({ productId, disabledServicePlanIds: [] })),
            }),
          ]),
        );
        const licenseChanges: LicenseChange[] = world.users.map((u, i) => ({
          userId: u.userId,
          add: (changes[i]?.add ?? []).map((productId: string) => ({ productId, disabledServicePlanIds: [] })),
          remove: changes[i]?.remove ?? [],
        }));
        const input = {
          actorRoles: ["licenseAdmin"] as Role[],
          catalog,
          seats: seatMap,
          users,
          changes: licenseChanges,
        };
        const { results, seatsAfter } = validateLicenseChanges(input);

        for (const [index, id] of PRODUCTS.entries()) {
          const taken = results.filter((r) => r.ok && r.seatsTaken.includes(id)).length;
          const freed = results.filter((r) => r.ok && r.seatsFreed.includes(id)).length;
          expect(seatsAfter.get(id)).toBe((world.seats[index] as number) + freed - taken);
          expect(seatsAfter.get(id)).toBeGreaterThanOrEqual(0);
        }
        // The same changes named in another order give the same answer.
        const shuffled = validateLicenseChanges({ ...input, changes: [...licenseChanges].reverse() });
        expect(shuffled.results).toEqual(results);
        expect(shuffled.seatsAfter).toEqual(seatsAfter);
      }),
    );
  });

  it("replace (remove every direct license, add a set) ends with exactly that set when it succeeds", () => {
    fc.assert(
      fc.property(fc.subarray([...PRODUCTS]), fc.subarray([...PRODUCTS]), (held, wanted) => {
        const catalog = new Map(PRODUCTS.map((id) => [id, product(id)]));
        const seatMap = new Map(PRODUCTS.map((id) => [id, { available: 1, assignable: true }]));
        const user = member("u", { direct: held.map((productId) => ({ productId, disabledServicePlanIds: [] })) });
        const { results, seatsAfter } = validateLicenseChanges({
          actorRoles: ["globalAdmin"],
          catalog,
          seats: seatMap,
          users: new Map([["u", user]]),
          changes: [
            { userId: "u", remove: held, add: wanted.map((productId) => ({ productId, disabledServicePlanIds: [] })) },
          ],
        });
        const [result] = results;
        expect(result?.ok).toBe(true);
        if (!result?.ok) return;
        expect(result.direct.map((l) => l.productId)).toEqual([...wanted].sort());
        for (const id of PRODUCTS) {
          const delta = (wanted.includes(id) ? 1 : 0) - (held.includes(id) ? 1 : 0);
          expect(seatsAfter.get(id)).toBe(1 - delta);
        }
      }),
    );
  });
});

describe("a product over its seats (license conflict)", () => {
  it("a seat freed first pays off the shortfall; nobody new gets one until the product is within its seats", () => {
    // 3 holders of 1 assignable seat: available is -2. a gives up the license, d asks for it.
    const result = run(
      [member("a", { direct: [{ productId: "pbi", disabledServicePlanIds: [] }] }), member("d")],
      [
        { userId: "a", add: [], remove: ["pbi"] },
        { userId: "d", add: [{ productId: "pbi", disabledServicePlanIds: [] }], remove: [] },
      ],
      new Map<string, ProductSeats>([["pbi", { available: -2, assignable: true }]]),
    );
    expect(result.results.map((r) => (r.ok ? "ok" : r.violations[0]?.code))).toEqual(["ok", "CountViolation"]);
    expect(result.seatsAfter.get("pbi")).toBe(-1);
  });
});
