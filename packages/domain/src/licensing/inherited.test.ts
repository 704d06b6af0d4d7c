import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Role } from "../roles.js";
import { type InheritedCandidate, type InheritedOutcome, planInheritedLicenses } from "./inherited.js";
import { CATALOG, member, product, seats } from "./test-catalog.js";
import type { CatalogProduct, ProductSeats, UserLicenses, ViolationCode } from "./validator.js";

const PLENTY = () => seats({ e3: 10, exo1: 10, exo2: 10, archive: 10, pbi: 10 });

const direct = (...productIds: string[]) =>
  productIds.map((productId) => ({ productId, disabledServicePlanIds: [] as string[] }));

function plan(
  users: UserLicenses[],
  candidates: InheritedCandidate[],
  seatMap: Map<string, ProductSeats> = PLENTY(),
  actorRoles: Role[] = ["licenseAdmin"],
  catalog: ReadonlyMap<string, CatalogProduct> = CATALOG,
) {
  return planInheritedLicenses({
    actorRoles,
    catalog,
    seats: seatMap,
    users: new Map(users.map((user) => [user.userId, user])),
    candidates,
  });
}

/** Outcomes keyed `user|product`, as `true`/`false` (ok, and whether a seat is taken) or the error code. */
function decisions(outcomes: readonly InheritedOutcome[]): Record<string, ViolationCode | "seat" | "noSeat"> {
  return Object.fromEntries(
    outcomes.map((o) => [`${o.userId}|${o.productId}`, o.ok ? (o.takesSeat ? "seat" : "noSeat") : o.code]),
  );
}

describe("planInheritedLicenses: one outcome per member and product", () => {
  it("applies a product the member does not hold yet, taking a seat", () => {
    const result = plan([member("u")], [{ userId: "u", productIds: ["pbi"] }]);
    expect(result.outcomes).toEqual([{ userId: "u", productId: "pbi", ok: true, takesSeat: true }]);
    expect(result.seatsAfter.get("pbi")).toBe(9);
  });

  it.each<[string, UserLicenses]>([
    ["directly", member("u", { direct: direct("pbi") })],
    ["through another group", member("u", { inherited: new Set(["pbi"]) })],
  ])("applies without a seat a product the member already holds %s", (_, user) => {
    const result = plan([user], [{ userId: "u", productIds: ["pbi"] }], seats({ pbi: 0 }));
    expect(result.outcomes).toEqual([{ userId: "u", productId: "pbi", ok: true, takesSeat: false }]);
    expect(result.seatsAfter.get("pbi")).toBe(0);
  });

  it("applies a held product without a seat even where a new assignment would be refused (CU, no seats, unusable)", () => {
    const user = member("u", { usageLocation: "CU", direct: direct("e3") });
    const result = plan([user], [{ userId: "u", productIds: ["e3"] }], seats({ e3: "unusable" }));
    expect(decisions(result.outcomes)).toEqual({ "u|e3": "noSeat" });
  });

  it.each<[string, UserLicenses, string, ViolationCode, Role[]?, Map<string, ProductSeats>?]>([
    ["a role without the right", member("u"), "pbi", "Forbidden", ["billingAdmin"]],
    ["a helpdesk admin", member("u"), "pbi", "Forbidden", ["helpdeskAdmin"]],
    ["a guest, by a license admin", member("u", { userType: "guest" }), "pbi", "GuestRequiresGlobalAdmin"],
    ["a guest, by a user admin", member("u", { userType: "guest" }), "pbi", "GuestRequiresGlobalAdmin", ["userAdmin"]],
    ["a member without a usage location", member("u", { usageLocation: null }), "pbi", "UsageLocationRequired"],
    [
      "a location where it is not sold",
      member("u", { usageLocation: "CU" }),
      "e3",
      "ProhibitedInUsageLocationViolation",
    ],
    [
      "a product whose subscriptions are not usable",
      member("u"),
      "pbi",
      "SubscriptionNotUsable",
      undefined,
      seats({ pbi: "unusable" }),
    ],
    ["a product with no subscription at all", member("u"), "pbi", "SubscriptionNotUsable", undefined, seats({})],
    ["a product excluded by one held", member("u", { direct: direct("exo1") }), "exo2", "MutuallyExclusiveViolation"],
    [
      "a product excluded by one inherited",
      member("u", { inherited: new Set(["exo2"]) }),
      "exo1",
      "MutuallyExclusiveViolation",
    ],
    ["an add-on without its prerequisite", member("u"), "archive", "DependencyViolation"],
    ["a product with no seat left", member("u"), "pbi", "CountViolation", undefined, seats({ pbi: 0 })],
    ["a product not in the catalog", member("u"), "nope", "UnknownProduct"],
  ])("keeps in error, with its code: %s", (_, user, productId, code, roles, seatMap) => {
    const result = plan([user], [{ userId: "u", productIds: [productId] }], seatMap ?? PLENTY(), roles);
    expect(result.outcomes).toEqual([{ userId: "u", productId, ok: false, code }]);
    // A product in error takes no seat.
    for (const [id, left] of result.seatsAfter) expect(left, id).toBe((seatMap ?? PLENTY()).get(id)?.available);
  });

  it("lets a global admin (and an admin agent) license a guest through a group", () => {
    for (const role of ["globalAdmin", "adminAgent"] as const) {
      const result = plan([member("g", { userType: "guest" })], [{ userId: "g", productIds: ["pbi"] }], PLENTY(), [
        role,
      ]);
      expect(decisions(result.outcomes), role).toEqual({ "g|pbi": "seat" });
    }
  });

  it("checks the member and product first (rights, guest, location, country, subscription), then the combination, then seats", () => {
    // Everything wrong at once: the first rule decides.
    const guestWithoutLocation = member("u", { userType: "guest", usageLocation: null });
    expect(decisions(plan([guestWithoutLocation], [{ userId: "u", productIds: ["e3"] }], seats({})).outcomes)).toEqual({
      "u|e3": "GuestRequiresGlobalAdmin",
    });
    expect(
      decisions(
        plan([guestWithoutLocation], [{ userId: "u", productIds: ["e3"] }], seats({}), ["globalAdmin"]).outcomes,
      ),
    ).toEqual({ "u|e3": "UsageLocationRequired" });
    const inCuba = member("u", { usageLocation: "CU" });
    expect(
      decisions(plan([inCuba], [{ userId: "u", productIds: ["e3"] }], seats({ e3: "unusable" })).outcomes),
    ).toEqual({ "u|e3": "ProhibitedInUsageLocationViolation" });
    const withExo1 = member("u", { direct: direct("exo1") });
    expect(decisions(plan([withExo1], [{ userId: "u", productIds: ["exo2"] }], seats({ exo2: 0 })).outcomes)).toEqual({
      "u|exo2": "MutuallyExclusiveViolation",
    });
    expect(
      decisions(plan([withExo1], [{ userId: "u", productIds: ["exo2"] }], seats({ exo2: "unusable" })).outcomes),
    ).toEqual({ "u|exo2": "SubscriptionNotUsable" });
  });
});

describe("planInheritedLicenses: the organization's country", () => {
  const withoutLocation = member("u", { usageLocation: null });
  const run = (defaultUsageLocation: string | null | undefined, productId = "pbi") =>
    decisions(
      planInheritedLicenses({
        actorRoles: ["licenseAdmin"],
        catalog: CATALOG,
        seats: PLENTY(),
        users: new Map([["u", withoutLocation]]),
        candidates: [{ userId: "u", productIds: [productId] }],
        defaultUsageLocation,
      }).outcomes,
    );

  it("licenses a member without a usage location as if the organization's country were theirs, as Entra does", () => {
    expect(run("NL")).toEqual({ "u|pbi": "seat" });
  });

  it("without an organization country, such a member's license stays in error", () => {
    expect(run(null)).toEqual({ "u|pbi": "UsageLocationRequired" });
    expect(run(undefined)).toEqual({ "u|pbi": "UsageLocationRequired" });
  });

  it("the organization's country is held to the product's country rules like a member's own", () => {
    expect(run("CU", "e3")).toEqual({ "u|e3": "ProhibitedInUsageLocationViolation" });
  });

  it("a member's own location wins over the organization's", () => {
    const inCuba = member("u", { usageLocation: "CU" });
    const outcome = planInheritedLicenses({
      actorRoles: ["licenseAdmin"],
      catalog: CATALOG,
      seats: PLENTY(),
      users: new Map([["u", inCuba]]),
      candidates: [{ userId: "u", productIds: ["e3"] }],
      defaultUsageLocation: "NL",
    });
    expect(decisions(outcome.outcomes)).toEqual({ "u|e3": "ProhibitedInUsageLocationViolation" });
  });
});

describe("planInheritedLicenses: several products for one member", () => {
  it("puts the base product in place before the add-on that needs it, whatever the order named", () => {
    for (const productIds of [
      ["archive", "exo1"],
      ["exo1", "archive"],
    ]) {
      const result = plan([member("u")], [{ userId: "u", productIds }]);
      expect(decisions(result.outcomes)).toEqual({ "u|exo1": "seat", "u|archive": "seat" });
      // Base first in the outcomes too.
      expect(result.outcomes.map((o) => o.productId)).toEqual(["exo1", "archive"]);
    }
  });

  it("grants a chain of add-ons whatever the order of their ids", () => {
    // zz needs aa-addon, which needs the base: ids sort the chain backwards.
    const catalog = new Map<string, CatalogProduct>([
      ["base", product("base")],
      ["aa-addon", product("aa-addon", { requiresAnyOf: new Set(["base"]) })],
      ["a-addon-of-addon", product("a-addon-of-addon", { requiresAnyOf: new Set(["aa-addon"]) })],
    ]);
    const result = plan(
      [member("u")],
      [{ userId: "u", productIds: ["a-addon-of-addon", "aa-addon", "base"] }],
      seats({ base: 1, "aa-addon": 1, "a-addon-of-addon": 1 }),
      ["licenseAdmin"],
      catalog,
    );
    expect(decisions(result.outcomes)).toEqual({
      "u|base": "seat",
      "u|aa-addon": "seat",
      "u|a-addon-of-addon": "seat",
    });
  });

  it("merges several candidates of one user: one seat per product, exclusions across them", () => {
    const result = plan(
      [member("u")],
      [
        { userId: "u", productIds: ["pbi"] },
        { userId: "u", productIds: ["pbi", "exo1"] },
        { userId: "u", productIds: ["exo2"] },
      ],
    );
    expect(result.seatsAfter.get("pbi")).toBe(9);
    expect(decisions(result.outcomes)).toEqual({
      "u|pbi": "seat",
      "u|exo1": "seat",
      "u|exo2": "MutuallyExclusiveViolation",
    });
  });

  it("an add-on whose base could not apply is refused with DependencyViolation", () => {
    const cuba = plan([member("u", { usageLocation: "CU" })], [{ userId: "u", productIds: ["e3", "archive"] }]);
    expect(decisions(cuba.outcomes)).toEqual({
      "u|e3": "ProhibitedInUsageLocationViolation",
      "u|archive": "DependencyViolation",
    });
    const noSeat = plan(
      [member("u")],
      [{ userId: "u", productIds: ["exo1", "archive"] }],
      seats({ exo1: 0, archive: 5 }),
    );
    expect(decisions(noSeat.outcomes)).toEqual({ "u|exo1": "CountViolation", "u|archive": "DependencyViolation" });
    expect(noSeat.seatsAfter.get("archive")).toBe(5);
  });

  it("an add-on whose base the member already holds applies", () => {
    const result = plan([member("u", { inherited: new Set(["e3"]) })], [{ userId: "u", productIds: ["archive"] }]);
    expect(decisions(result.outcomes)).toEqual({ "u|archive": "seat" });
  });

  it("of two mutually exclusive products handed at once, the first by id applies and the other is refused", () => {
    const result = plan([member("u")], [{ userId: "u", productIds: ["exo2", "exo1"] }]);
    expect(decisions(result.outcomes)).toEqual({ "u|exo1": "seat", "u|exo2": "MutuallyExclusiveViolation" });
    expect(result.seatsAfter.get("exo1")).toBe(9);
    expect(result.seatsAfter.get("exo2")).toBe(10);
  });

  it("a product named twice for one member is decided once", () => {
    const result = plan([member("u")], [{ userId: "u", productIds: ["pbi", "pbi"] }]);
    expect(result.outcomes).toEqual([{ userId: "u", productId: "pbi", ok: true, takesSeat: true }]);
    expect(result.seatsAfter.get("pbi")).toBe(9);
  });

  it("every product gets its own outcome: one failing does not stop the others (no all-or-nothing)", () => {
    const user = member("u", { direct: direct("exo1") });
    const result = plan(
      [user],
      [{ userId: "u", productIds: ["pbi", "exo2", "e3", "exo1"] }],
      seats({ pbi: 0, e3: 1, exo2: 1 }),
    );
    expect(decisions(result.outcomes)).toEqual({
      "u|exo1": "noSeat",
      "u|exo2": "MutuallyExclusiveViolation",
      "u|e3": "seat",
      "u|pbi": "CountViolation",
    });
  });
});

describe("planInheritedLicenses: many members", () => {
  it("hands out the last seats in user id order, whatever the order of the candidates", () => {
    const users = ["c", "a", "b"].map((id) => member(id));
    const result = plan(
      users,
      users.map((user) => ({ userId: user.userId, productIds: ["pbi"] })),
      seats({ pbi: 2 }),
    );
    expect(result.outcomes.map((o) => [o.userId, o.ok])).toEqual([
      ["a", true],
      ["b", true],
      ["c", false],
    ]);
    expect(decisions(result.outcomes)["c|pbi"]).toBe("CountViolation");
    expect(result.seatsAfter.get("pbi")).toBe(0);
  });

  it("a member who already holds the product leaves the last seat to the next one", () => {
    const users = [member("a", { direct: direct("pbi") }), member("b"), member("c")];
    const result = plan(
      users,
      users.map((user) => ({ userId: user.userId, productIds: ["pbi"] })),
      seats({ pbi: 1 }),
    );
    expect(decisions(result.outcomes)).toEqual({ "a|pbi": "noSeat", "b|pbi": "seat", "c|pbi": "CountViolation" });
  });

  it("a member refused for another reason takes no seat from the others", () => {
    const users = [member("a", { usageLocation: null }), member("b")];
    const result = plan(
      users,
      users.map((user) => ({ userId: user.userId, productIds: ["pbi"] })),
      seats({ pbi: 1 }),
    );
    expect(decisions(result.outcomes)).toEqual({ "a|pbi": "UsageLocationRequired", "b|pbi": "seat" });
  });

  it("reports seatsAfter for every product it was given, taken ones decremented", () => {
    const result = plan(
      [member("a"), member("b")],
      [
        { userId: "a", productIds: ["e3", "pbi"] },
        { userId: "b", productIds: ["e3"] },
      ],
    );
    expect(Object.fromEntries(result.seatsAfter)).toEqual({ e3: 8, exo1: 10, exo2: 10, archive: 10, pbi: 9 });
  });

  it("answers nothing for no candidates, and refuses a candidate whose licenses were not given", () => {
    expect(plan([member("a")], []).outcomes).toEqual([]);
    expect(() => plan([], [{ userId: "ghost", productIds: ["pbi"] }])).toThrow(/ghost/);
  });

  it("does not change its input", () => {
    const user = member("u", { inherited: new Set(["e3"]) });
    const seatMap = seats({ pbi: 3, archive: 3 });
    const candidates = [{ userId: "u", productIds: ["pbi", "archive"] }];
    const snapshot = structuredClone({ user, seatMap, candidates });
    plan([user], candidates, seatMap);
    expect({ user, seatMap, candidates }).toEqual(snapshot);
  });
});

// ── Properties over random catalogs, subscriptions, members and group hand-outs ──

const IDS = ["p1", "p2", "p3", "p4", "p5"] as const;
const ROLES: Role[] = ["licenseAdmin", "globalAdmin", "userAdmin", "billingAdmin"];

const arbitraryCatalog = fc
  .record({
    exclusions: fc.subarray([
      ["p1", "p2"],
      ["p2", "p3"],
      ["p4", "p5"],
      ["p1", "p5"],
    ] as Array<[string, string]>),
    requires: fc.tuple(...IDS.map(() => fc.subarray([...IDS] as string[], { maxLength: 2 }))),
    unavailable: fc.tuple(...IDS.map(() => fc.subarray(["CU", "IR"]))),
  })
  .map(({ exclusions, requires, unavailable }) => {
    const catalog = new Map<string, CatalogProduct>();
    IDS.forEach((id, index) => {
      catalog.set(
        id,
        product(id, {
          // Stored one way only sometimes, as the database does: the rule holds both ways regardless.
          excludes: new Set(exclusions.filter(([a]) => a === id).map(([, b]) => b)),
          requiresAnyOf: new Set((requires[index] ?? []).filter((other) => other !== id)),
          unavailableIn: new Set(unavailable[index]),
        }),
      );
    });
    return catalog;
  });

const arbitrarySeats = fc.tuple(...IDS.map(() => fc.option(fc.nat({ max: 3 }), { nil: undefined, freq: 5 }))).map(
  (counts) =>
    new Map<string, ProductSeats>(
      IDS.map((id, index) => {
        const n = counts[index];
        return [id, n === undefined ? { available: 0, assignable: false } : { available: n, assignable: true }];
      }),
    ),
);

const arbitraryUsers = fc.uniqueArray(
  fc.record({
    userId: fc.stringMatching(/^[0-9a-f]{3}$/),
    userType: fc.constantFrom<"member" | "guest">("member", "member", "member", "guest"),
    usageLocation: fc.constantFrom<string | null>("NL", "NL", "US", "CU", null),
    direct: fc.subarray([...IDS] as string[], { maxLength: 2 }),
    inherited: fc.subarray([...IDS] as string[], { maxLength: 2 }),
    wants: fc.subarray([...IDS, "unknown"] as string[], { minLength: 1 }),
  }),
  { minLength: 1, maxLength: 8, selector: (user) => user.userId },
);

const arbitraryWorld = fc.record({
  catalog: arbitraryCatalog,
  seats: arbitrarySeats,
  users: arbitraryUsers,
  actorRoles: fc.subarray(ROLES, { minLength: 1, maxLength: 2 }),
  seed: fc.integer(),
});

type World = typeof arbitraryWorld extends fc.Arbitrary<infer T> ? T : never;

function inputOf(world: World, order: (candidates: InheritedCandidate[]) => InheritedCandidate[] = (c) => c) {
  const users = new Map<string, UserLicenses>(
    world.users.map((u) => [
      u.userId,
      member(u.userId, {
        userType: u.userType,
        usageLocation: u.usageLocation,
        direct: direct(...u.direct),
        inherited: new Set(u.inherited),
      }),
    ]),
  );
  const candidates = order(world.users.map((u) => ({ userId: u.userId, productIds: u.wants })));
  return { actorRoles: world.actorRoles, catalog: world.catalog, seats: world.seats, users, candidates };
}

/** A deterministic shuffle of the candidates and of each candidate's products. */
function shuffled(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  };
  return (candidates: InheritedCandidate[]) =>
    shuffle(candidates).map((candidate) => ({ ...candidate, productIds: shuffle(candidate.productIds) }));
}

const heldBy = (user: UserLicenses) => new Set([...user.direct.map((l) => l.productId), ...user.inherited]);

describe("planInheritedLicenses: properties", () => {
  it("never takes more seats of a product than are available, and seatsAfter is what is left", () => {
    fc.assert(
      fc.property(arbitraryWorld, (world) => {
        const { outcomes, seatsAfter } = planInheritedLicenses(inputOf(world));
        for (const id of IDS) {
          const available = world.seats.get(id)?.available ?? 0;
          const taken = outcomes.filter((o) => o.productId === id && o.ok && o.takesSeat).length;
          expect(taken).toBeLessThanOrEqual(available);
          expect(seatsAfter.get(id)).toBe(available - taken);
          if (!world.seats.get(id)?.assignable) expect(taken).toBe(0);
        }
      }),
    );
  });

  it("gives the same result whatever the order of the candidates and of their products", () => {
    fc.assert(
      fc.property(arbitraryWorld, (world) => {
        const straight = planInheritedLicenses(inputOf(world));
        const other = planInheritedLicenses(inputOf(world, shuffled(world.seed)));
        expect(other.outcomes).toEqual(straight.outcomes);
        expect(other.seatsAfter).toEqual(straight.seatsAfter);
      }),
    );
  });

  it("a member already holding a product (directly or through another group) never takes a seat for it", () => {
    fc.assert(
      fc.property(arbitraryWorld, (world) => {
        const input = inputOf(world);
        for (const outcome of planInheritedLicenses(input).outcomes) {
          const user = input.users.get(outcome.userId) as UserLicenses;
          if (heldBy(user).has(outcome.productId)) {
            expect(outcome).toEqual({
              userId: outcome.userId,
              productId: outcome.productId,
              ok: true,
              takesSeat: false,
            });
          }
        }
      }),
    );
  });

  it("is deterministic: the same input gives the same output, exactly one outcome per member and product", () => {
    fc.assert(
      fc.property(arbitraryWorld, (world) => {
        const input = inputOf(world);
        const first = planInheritedLicenses(input);
        const second = planInheritedLicenses(input);
        expect(second).toEqual(first);
        const keys = first.outcomes.map((o) => `${o.userId}|${o.productId}`);
        const expected = world.users.flatMap((u) => [...new Set(u.wants)].map((p) => `${u.userId}|${p}`));
        expect([...keys].sort()).toEqual([...expected].sort());
        // Members in user id order.
        const order = first.outcomes.map((o) => o.userId);
        expect(order).toEqual([...order].sort());
      }),
    );
  });

  it("an ok outcome never breaks an exclusion or a prerequisite in the member's resulting set", () => {
    fc.assert(
      fc.property(arbitraryWorld, (world) => {
        const input = inputOf(world);
        const { outcomes } = planInheritedLicenses(input);
        for (const [userId, user] of input.users) {
          const fresh = outcomes.filter((o) => o.userId === userId && o.ok && o.takesSeat).map((o) => o.productId);
          const resulting = new Set([...heldBy(user), ...fresh]);
          for (const productId of fresh) {
            const entry = world.catalog.get(productId) as CatalogProduct;
            for (const other of resulting) {
              const clash = entry.excludes.has(other) || world.catalog.get(other)?.excludes.has(productId);
              expect(clash, `${userId}: ${productId} with ${other}`).toBeFalsy();
            }
            if (entry.requiresAnyOf.size > 0) {
              expect([...entry.requiresAnyOf].some((required) => resulting.has(required))).toBe(true);
            }
          }
        }
      }),
    );
  });

  it("refuses only for a reason that holds: every error code is explained by the input", () => {
    fc.assert(
      fc.property(arbitraryWorld, (world) => {
        const input = inputOf(world);
        const { outcomes } = planInheritedLicenses(input);
        const granted = (userId: string) =>
          new Set(outcomes.filter((o) => o.userId === userId && o.ok).map((o) => o.productId));
        for (const outcome of outcomes) {
          if (outcome.ok) continue;
          const user = input.users.get(outcome.userId) as UserLicenses;
          const entry = world.catalog.get(outcome.productId);
          const seat = world.seats.get(outcome.productId);
          const canAssign = world.actorRoles.some((r) => r !== "billingAdmin");
          const fullAdmin = world.actorRoles.includes("globalAdmin");
          switch (outcome.code) {
            case "UnknownProduct":
              expect(entry).toBeUndefined();
              break;
            case "Forbidden":
              expect(canAssign).toBe(false);
              break;
            case "GuestRequiresGlobalAdmin":
              expect(user.userType === "guest" && !fullAdmin).toBe(true);
              break;
            case "UsageLocationRequired":
              expect(user.usageLocation).toBeNull();
              break;
            case "ProhibitedInUsageLocationViolation":
              expect(entry?.unavailableIn.has(user.usageLocation as string)).toBe(true);
              break;
            case "SubscriptionNotUsable":
              expect(seat?.assignable).toBeFalsy();
              break;
            case "MutuallyExclusiveViolation": {
              const others = [...heldBy(user), ...granted(outcome.userId)];
              expect(
                others.some((o) => entry?.excludes.has(o) || world.catalog.get(o)?.excludes.has(outcome.productId)),
              ).toBe(true);
              break;
            }
            case "DependencyViolation": {
              // None of its prerequisites is in effect for the member: not held before, not granted in this run
              // (chains of add-ons are tried in passes until nothing more applies).
              const have = new Set([...heldBy(user), ...granted(outcome.userId)]);
              expect([...(entry?.requiresAnyOf ?? [])].some((r) => have.has(r))).toBe(false);
              break;
            }
            case "CountViolation": {
              const taken = outcomes.filter((o) => o.productId === outcome.productId && o.ok && o.takesSeat).length;
              expect(taken).toBe(seat?.available);
              break;
            }
            default:
              throw new Error(`unexpected code ${outcome.code}`);
          }
        }
      }),
    );
  });
});
