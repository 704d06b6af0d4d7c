import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Role } from "../roles.js";
import { planInheritedLicenses } from "./inherited.js";
import {
  type CatalogProduct,
  type DirectLicense,
  type LicenseChange,
  type ProductSeats,
  type UserLicenses,
  validateLicenseChanges,
} from "./validator.js";

/**
 * Properties of the license assignment validator over random catalogs, subscriptions and SEQUENCES of operations:
 * whatever admins do in whatever order — single-user changes, bulk add/remove/replace, group hand-outs,
 * subscriptions bought, reduced or suspended in between — an assignment never makes consumed exceed the seats
 * that may be assigned, the seats the validator reports taken and freed are exactly the holders gained and lost,
 * the result does not depend on the order users are named in, and replace is remove-all + add.
 */

const IDS = ["p1", "p2", "p3", "p4", "p5"] as const;
const PLANS = ["a", "b", "c"] as const;
const planOf = (productId: string, plan: string) => `${productId}-${plan}`;
const USER_IDS = ["u0", "u1", "u2", "u3", "u4", "u5"] as const;

const arbitraryCatalog = fc
  .record({
    exclusions: fc.subarray([
      ["p1", "p2"],
      ["p3", "p4"],
      ["p2", "p5"],
    ] as Array<[string, string]>),
    requires: fc.tuple(...IDS.map(() => fc.subarray([...IDS] as string[], { maxLength: 2 }))),
    unavailable: fc.tuple(...IDS.map(() => fc.subarray(["CU"]))),
  })
  .map(({ exclusions, requires, unavailable }) => {
    const catalog = new Map<string, CatalogProduct>();
    IDS.forEach((id, index) => {
      catalog.set(id, {
        id,
        servicePlanIds: new Set(PLANS.map((plan) => planOf(id, plan))),
        excludes: new Set(exclusions.filter(([a]) => a === id).map(([, b]) => b)),
        // Prerequisites only on products later in the list: no cycles, as a sane catalog has none.
        requiresAnyOf: new Set((requires[index] ?? []).filter((other) => other > id)),
        unavailableIn: new Set(unavailable[index]),
      });
    });
    return catalog;
  });

const arbitraryLicense = (ids: readonly string[] = IDS) =>
  fc.record({ productId: fc.constantFrom(...ids), plans: fc.subarray([...PLANS] as string[]) }).map(
    ({ productId, plans }): DirectLicense => ({
      productId,
      disabledServicePlanIds: plans.map((plan) => planOf(productId, plan)),
    }),
  );

const arbitraryLicenses = fc.uniqueArray(arbitraryLicense(), {
  maxLength: 3,
  selector: (license) => license.productId,
});

const arbitraryUser = (userId: string) =>
  fc.record({
    userId: fc.constant(userId),
    userType: fc.constantFrom<"member" | "guest">("member", "member", "member", "guest"),
    usageLocation: fc.constantFrom<string | null>("NL", "NL", "US", "CU", null),
    direct: arbitraryLicenses,
    inherited: fc.subarray([...IDS] as string[], { maxLength: 2 }).map((ids) => new Set(ids)),
  });

const arbitrarySubscriptions = fc.tuple(
  ...IDS.map(() => fc.record({ capacity: fc.nat({ max: 5 }), usable: fc.constantFrom(true, true, true, false) })),
);

const ADMIN_ROLES: Role[] = ["globalAdmin", "licenseAdmin", "userAdmin"];

type Operation =
  | { kind: "assign"; role: Role; change: LicenseChange }
  | {
      kind: "bulk";
      role: Role;
      userIds: string[];
      mode: "add" | "replace";
      add: DirectLicense[];
      remove: string[];
    }
  | { kind: "group"; role: Role; userIds: string[]; productIds: string[] }
  | { kind: "leaveGroup"; userId: string; productId: string }
  | { kind: "subscription"; productId: string; seatsDelta: number; usable: boolean };

const arbitraryRole = fc.constantFrom<Role>(...ADMIN_ROLES, "billingAdmin");
const arbitraryUserId = fc.constantFrom<string>(...USER_IDS);
const arbitraryUserIds = fc.subarray([...USER_IDS] as string[], { minLength: 1 });
const arbitraryProductIds = fc.subarray([...IDS] as string[], { maxLength: 2 });

const arbitraryOperation: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("assign" as const),
      role: arbitraryRole,
      change: fc.record({ userId: arbitraryUserId, add: arbitraryLicenses, remove: arbitraryProductIds }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        kind: fc.constant("bulk" as const),
        role: arbitraryRole,
        userIds: arbitraryUserIds,
        mode: fc.constantFrom<"add" | "replace">("add", "replace"),
        add: arbitraryLicenses,
        remove: arbitraryProductIds,
      })
      // The API's rules for a bulk body: no product both added and removed; replace names no removals.
      .map((op) => ({
        ...op,
        remove:
          op.mode === "replace" ? [] : op.remove.filter((id) => !op.add.some((license) => license.productId === id)),
      })),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("group" as const),
      role: arbitraryRole,
      userIds: arbitraryUserIds,
      productIds: arbitraryProductIds,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("leaveGroup" as const),
      userId: arbitraryUserId,
      productId: fc.constantFrom(...IDS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("subscription" as const),
      productId: fc.constantFrom<string>(...IDS),
      seatsDelta: fc.integer({ min: -3, max: 3 }),
      usable: fc.boolean(),
    }),
  },
);

const arbitraryScenario = fc.record({
  catalog: arbitraryCatalog,
  subscriptions: arbitrarySubscriptions,
  users: fc.tuple(...USER_IDS.map((id) => arbitraryUser(id))),
  operations: fc.array(arbitraryOperation, { minLength: 1, maxLength: 20 }),
});

/** The tenant as the API's tables hold it: users' assignments and the seats of each product's subscriptions. */
class Tenant {
  readonly users = new Map<string, UserLicenses>();
  readonly capacity = new Map<string, number>();
  readonly usable = new Map<string, boolean>();

  constructor(scenario: Pick<Scenario, "users" | "subscriptions">) {
    for (const user of scenario.users) this.users.set(user.userId, { ...user, inherited: new Set(user.inherited) });
    IDS.forEach((id, index) => {
      const subscription = scenario.subscriptions[index] as { capacity: number; usable: boolean };
      this.capacity.set(id, subscription.capacity);
      this.usable.set(id, subscription.usable);
    });
  }

  held(userId: string): Set<string> {
    const user = this.users.get(userId) as UserLicenses;
    return new Set([...user.direct.map((license) => license.productId), ...user.inherited]);
  }

  /** consumedUnits as the counters keep it: one per user holding the product, however many assignments. */
  consumed(): Map<string, number> {
    const counts = new Map<string, number>(IDS.map((id) => [id, 0]));
    for (const userId of this.users.keys()) {
      for (const productId of this.held(userId)) counts.set(productId, (counts.get(productId) ?? 0) + 1);
    }
    return counts;
  }

  /** What the seat ledger hands the validator: assignable seats less consumed, never below zero. */
  seats(): Map<string, ProductSeats> {
    const consumed = this.consumed();
    return new Map(
      IDS.map((id) => {
        const usable = this.usable.get(id) ?? false;
        const capacity = usable ? (this.capacity.get(id) ?? 0) : 0;
        return [id, { available: Math.max(0, capacity - (consumed.get(id) ?? 0)), assignable: usable }];
      }),
    );
  }

  holdings(): Map<string, Set<string>> {
    return new Map([...this.users.keys()].map((userId) => [userId, this.held(userId)]));
  }
}

type Scenario = typeof arbitraryScenario extends fc.Arbitrary<infer T> ? T : never;

/**
 * After an operation: seats were handed out only where they were free. A product some user newly holds ends with
 * no more holders than usable seats, and only while a usable subscription exists; seats left match the ledger.
 */
function expectNoOversell(
  tenant: Tenant,
  before: Map<string, Set<string>>,
  seatsBefore: Map<string, ProductSeats>,
  seatsAfter: ReadonlyMap<string, number>,
  label: string,
) {
  const after = tenant.holdings();
  const consumedBefore = new Map<string, number>(IDS.map((id) => [id, 0]));
  for (const set of before.values()) for (const id of set) consumedBefore.set(id, (consumedBefore.get(id) ?? 0) + 1);
  const consumedAfter = tenant.consumed();
  for (const productId of IDS) {
    const gainers = [...after].filter(([userId, set]) => set.has(productId) && !before.get(userId)?.has(productId));
    const losers = [...before].filter(([userId, set]) => set.has(productId) && !after.get(userId)?.has(productId));
    const capacity = tenant.usable.get(productId) ? (tenant.capacity.get(productId) ?? 0) : 0;
    if (gainers.length > 0) {
      expect(tenant.usable.get(productId), `${label}: ${productId} assigned from an unusable subscription`).toBe(true);
      expect(
        consumedAfter.get(productId),
        `${label}: ${productId} oversold (${gainers.length} gained, ${losers.length} lost)`,
      ).toBeLessThanOrEqual(capacity);
    }
    // The validator's own ledger agrees with the holders it produced.
    const available = seatsBefore.get(productId)?.available ?? 0;
    expect(seatsAfter.get(productId), `${label}: seatsAfter of ${productId}`).toBe(
      available + losers.length - gainers.length,
    );
    expect(seatsAfter.get(productId), `${label}: seatsAfter of ${productId}`).toBeGreaterThanOrEqual(0);
    expect(consumedAfter.get(productId)).toBe((consumedBefore.get(productId) ?? 0) + gainers.length - losers.length);
  }
}

/** A user's held set satisfies every exclusion and prerequisite of the catalog. */
function expectValidCombination(
  catalog: ReadonlyMap<string, CatalogProduct>,
  held: ReadonlySet<string>,
  label: string,
) {
  for (const productId of held) {
    const product = catalog.get(productId) as CatalogProduct;
    for (const other of held) {
      const clash = product.excludes.has(other) || catalog.get(other)?.excludes.has(productId);
      expect(clash, `${label}: ${productId} with ${other}`).toBeFalsy();
    }
    if (product.requiresAnyOf.size > 0) {
      expect(
        [...product.requiresAnyOf].some((id) => held.has(id)),
        `${label}: ${productId} prerequisite`,
      ).toBe(true);
    }
  }
}

function runChanges(
  tenant: Tenant,
  catalog: ReadonlyMap<string, CatalogProduct>,
  role: Role,
  changes: LicenseChange[],
  label: string,
) {
  const before = tenant.holdings();
  const seats = tenant.seats();
  const { results, seatsAfter } = validateLicenseChanges({
    actorRoles: [role],
    catalog,
    seats,
    users: tenant.users,
    changes,
  });
  expect(results.map((r) => r.userId)).toEqual(changes.map((c) => c.userId).sort());
  for (const result of results) {
    if (!result.ok) {
      expect(result.violations.length).toBeGreaterThan(0);
      continue;
    }
    const user = tenant.users.get(result.userId) as UserLicenses;
    tenant.users.set(result.userId, { ...user, direct: result.direct });
    const heldBefore = before.get(result.userId) as Set<string>;
    const heldAfter = tenant.held(result.userId);
    // Seats taken and freed are exactly the products the user gained and lost.
    expect(result.seatsTaken, label).toEqual([...heldAfter].filter((id) => !heldBefore.has(id)).sort());
    expect(result.seatsFreed, label).toEqual([...heldBefore].filter((id) => !heldAfter.has(id)).sort());
    // An accepted change leaves the user a valid combination, in a location where each new product is sold.
    expectValidCombination(catalog, heldAfter, `${label} ${result.userId}`);
    for (const productId of result.seatsTaken) {
      expect(user.usageLocation, label).not.toBeNull();
      expect(catalog.get(productId)?.unavailableIn.has(user.usageLocation as string), label).toBe(false);
      if (user.userType === "guest") expect(role, label).toBe("globalAdmin");
    }
  }
  expectNoOversell(tenant, before, seats, seatsAfter, label);
}

function apply(tenant: Tenant, catalog: ReadonlyMap<string, CatalogProduct>, operation: Operation, step: number) {
  const label = `step ${step} (${operation.kind})`;
  switch (operation.kind) {
    case "assign":
      runChanges(tenant, catalog, operation.role, [operation.change], label);
      return;
    case "bulk": {
      // The bulk route: the same change for every named user; replace removes every direct license first.
      const changes = operation.userIds.map((userId) => ({
        userId,
        add: operation.add,
        remove:
          operation.mode === "replace"
            ? (tenant.users.get(userId) as UserLicenses).direct.map((license) => license.productId)
            : operation.remove,
      }));
      runChanges(tenant, catalog, operation.role, changes, label);
      return;
    }
    case "group": {
      const before = tenant.holdings();
      const seats = tenant.seats();
      const candidates = operation.userIds.map((userId) => ({
        userId,
        productIds: operation.productIds.filter((id) => !(tenant.users.get(userId) as UserLicenses).inherited.has(id)),
      }));
      const plan = planInheritedLicenses({
        actorRoles: [operation.role],
        catalog,
        seats,
        users: tenant.users,
        candidates,
      });
      for (const outcome of plan.outcomes) {
        if (!outcome.ok) continue;
        const user = tenant.users.get(outcome.userId) as UserLicenses;
        tenant.users.set(outcome.userId, { ...user, inherited: new Set([...user.inherited, outcome.productId]) });
      }
      expectNoOversell(tenant, before, seats, plan.seatsAfter, label);
      return;
    }
    case "leaveGroup": {
      const user = tenant.users.get(operation.userId) as UserLicenses;
      const inherited = new Set(user.inherited);
      inherited.delete(operation.productId);
      tenant.users.set(operation.userId, { ...user, inherited });
      return;
    }
    case "subscription":
      // Seats bought or reduced, a subscription suspended or renewed: may leave the product in conflict.
      tenant.capacity.set(
        operation.productId,
        Math.max(0, (tenant.capacity.get(operation.productId) ?? 0) + operation.seatsDelta),
      );
      tenant.usable.set(operation.productId, operation.usable);
      return;
  }
}

describe("validateLicenseChanges over operation sequences", () => {
  it("never lets consumed exceed the assignable seats through an assignment, whatever the sequence", () => {
    fc.assert(
      fc.property(arbitraryScenario, (scenario) => {
        const tenant = new Tenant(scenario);
        scenario.operations.forEach((operation, step) => {
          apply(tenant, scenario.catalog, operation, step);
        });
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it("a product in conflict (more holders than seats) refuses a new holder, and a holder may still leave", () => {
    // Seats reduced from 3 to 1 under three holders: freeing one seat still leaves the product oversold.
    const catalog = new Map<string, CatalogProduct>([
      [
        "p1",
        {
          id: "p1",
          servicePlanIds: new Set(),
          excludes: new Set(),
          requiresAnyOf: new Set(),
          unavailableIn: new Set(),
        },
      ],
    ]);
    const holder = (userId: string): UserLicenses => ({
      userId,
      userType: "member",
      usageLocation: "NL",
      direct: [{ productId: "p1", disabledServicePlanIds: [] }],
      inherited: new Set(),
    });
    const users = new Map([
      ...["a", "b", "c"].map((id) => [id, holder(id)] as const),
      ["d", { ...holder("d"), direct: [] }] as const,
    ]);
    const seats = new Map([["p1", { available: 0, assignable: true }]]);
    const removeOne = validateLicenseChanges({
      actorRoles: ["globalAdmin"],
      catalog,
      seats,
      users,
      changes: [{ userId: "a", add: [], remove: ["p1"] }],
    });
    expect(removeOne.results[0]).toMatchObject({ ok: true, seatsFreed: ["p1"] });
    // Bulk-shaped: adding for a user who lacks it is refused while the product has no free seat.
    const addOne = validateLicenseChanges({
      actorRoles: ["globalAdmin"],
      catalog,
      seats,
      users,
      changes: [{ userId: "d", add: [{ productId: "p1", disabledServicePlanIds: [] }], remove: [] }],
    });
    expect(addOne.results[0]).toMatchObject({ ok: false, violations: [{ code: "CountViolation" }] });
  });
});

// ── Order independence over rich worlds: guests, locations, inherited licenses, every role ──

const arbitraryBatch = fc.record({
  catalog: arbitraryCatalog,
  subscriptions: arbitrarySubscriptions,
  users: fc.tuple(...USER_IDS.map((id) => arbitraryUser(id))),
  role: arbitraryRole,
  changes: fc.tuple(
    ...USER_IDS.map((userId) =>
      fc.record({ userId: fc.constant(userId), add: arbitraryLicenses, remove: arbitraryProductIds }),
    ),
  ),
  named: fc.subarray([...USER_IDS.keys()], { minLength: 1 }),
  permutation: fc.array(fc.nat(), { minLength: USER_IDS.length, maxLength: USER_IDS.length }),
});

describe("validateLicenseChanges: order of the users named", () => {
  it("gives the same results and seats for any permutation of the changes", () => {
    fc.assert(
      fc.property(arbitraryBatch, (batch) => {
        const tenant = new Tenant(batch);
        const changes = batch.named.map((index) => batch.changes[index] as LicenseChange);
        // A permutation driven by random keys.
        const keyed = changes.map((change, index) => ({ change, key: batch.permutation[index] ?? 0, index }));
        keyed.sort((a, b) => a.key - b.key || b.index - a.index);
        const input = { actorRoles: [batch.role], catalog: batch.catalog, seats: tenant.seats(), users: tenant.users };
        const straight = validateLicenseChanges({ ...input, changes });
        const permuted = validateLicenseChanges({ ...input, changes: keyed.map((k) => k.change) });
        expect(permuted).toEqual(straight);
        // Answered in user id order.
        const ids = straight.results.map((r) => r.userId);
        expect(ids).toEqual([...ids].sort());
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});

// ── Replace = remove every direct license, then add ──

const arbitraryReplace = fc.record({
  catalog: arbitraryCatalog,
  subscriptions: arbitrarySubscriptions,
  user: arbitraryUser("u0"),
  others: fc.tuple(...USER_IDS.slice(1).map((id) => arbitraryUser(id))),
  role: fc.constantFrom<Role>(...ADMIN_ROLES),
  wanted: arbitraryLicenses,
});

describe("validateLicenseChanges: replace", () => {
  it("replace succeeds whenever remove-all followed by add succeeds, ending with the same licenses and seats", () => {
    fc.assert(
      fc.property(arbitraryReplace, ({ catalog, subscriptions, user, others, role, wanted }) => {
        const tenant = new Tenant({ subscriptions, users: [user, ...others] });
        const actorRoles = [role];
        const seats = tenant.seats();
        const held = user.direct.map((license) => license.productId);
        const replace = validateLicenseChanges({
          actorRoles,
          catalog,
          seats,
          users: tenant.users,
          changes: [{ userId: "u0", remove: held, add: wanted }],
        });

        // The same in two steps: remove everything, then add on the user that results, with the seats left.
        const removeAll = validateLicenseChanges({
          actorRoles,
          catalog,
          seats,
          users: tenant.users,
          changes: [{ userId: "u0", remove: held, add: [] }],
        });
        const [removed] = removeAll.results;
        const [replaced] = replace.results;
        if (replaced?.ok) {
          // Replace ends with exactly the wanted licenses, plans included.
          expect(replaced.direct).toEqual(
            [...wanted]
              .map((l) => ({ productId: l.productId, disabledServicePlanIds: [...l.disabledServicePlanIds].sort() }))
              .sort((a, b) => (a.productId < b.productId ? -1 : 1)),
          );
        }
        if (!removed?.ok) return;
        const afterRemove = new Map(tenant.users);
        afterRemove.set("u0", { ...(tenant.users.get("u0") as UserLicenses), direct: removed.direct });
        const addSeats = new Map(
          [...seats].map(([id, s]) => [id, { ...s, available: removeAll.seatsAfter.get(id) ?? s.available }]),
        );
        const addAll = validateLicenseChanges({
          actorRoles,
          catalog,
          seats: addSeats,
          users: afterRemove,
          changes: [{ userId: "u0", remove: [], add: wanted }],
        });
        const [added] = addAll.results;
        if (!added?.ok) return;
        expect(replaced?.ok, JSON.stringify(replaced)).toBe(true);
        if (!replaced?.ok) return;
        expect(replaced.direct).toEqual(added.direct);
        expect(replace.seatsAfter).toEqual(addAll.seatsAfter);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it("replacing with what the user has is a no-op that moves no seat", () => {
    fc.assert(
      fc.property(arbitraryReplace, ({ catalog, subscriptions, user, others, role }) => {
        const tenant = new Tenant({ subscriptions, users: [user, ...others] });
        const seats = tenant.seats();
        const { results, seatsAfter } = validateLicenseChanges({
          actorRoles: [role],
          catalog,
          seats,
          users: tenant.users,
          changes: [{ userId: "u0", remove: user.direct.map((l) => l.productId), add: user.direct }],
        });
        const [result] = results;
        if (!result?.ok) {
          // Only a combination the user already breaks (rules are checked on the whole resulting set) refuses it.
          expect(
            result?.violations.every(
              (v) =>
                v.code === "MutuallyExclusiveViolation" || v.code === "DependencyViolation" || v.code === "Forbidden",
            ),
          ).toBe(true);
          return;
        }
        expect(result.seatsTaken).toEqual([]);
        expect(result.seatsFreed).toEqual([]);
        expect(seatsAfter).toEqual(new Map([...seats].map(([id, s]) => [id, s.available])));
      }),
      { numRuns: 300 },
    );
  }, 30_000);
});
