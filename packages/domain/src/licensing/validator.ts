import { type Action, can, canLicenseGuests, type Grantee } from "../permissions.js";

/**
 * The license assignment validator (DESIGN.md §2): given a tenant's catalog, the seats an admin may still hand
 * out, the users' current licenses and a requested change for one user or many, it returns per user either the
 * new license set or every violation found. Pure and deterministic: users are processed in id order, so the
 * result does not depend on the order they were named in.
 */

export const VIOLATION_CODES = [
  "Forbidden",
  "GuestRequiresGlobalAdmin",
  "UnknownProduct",
  "InvalidServicePlan",
  "AlreadyAssigned",
  "NotAssigned",
  "UsageLocationRequired",
  "ProhibitedInUsageLocationViolation",
  "MutuallyExclusiveViolation",
  "DependencyViolation",
  "SubscriptionNotUsable",
  "CountViolation",
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

export interface Violation {
  code: ViolationCode;
  productId: string | null;
  /** For exclusions and dependencies: the other product(s) involved. */
  relatedProductIds?: string[];
  /** For InvalidServicePlan: the plan ids that are not part of the product. */
  servicePlanIds?: string[];
}

export interface CatalogProduct {
  id: string;
  servicePlanIds: ReadonlySet<string>;
  /** Products a user may not hold together with this one. */
  excludes: ReadonlySet<string>;
  /** The user must hold at least one of these (empty: no prerequisite). */
  requiresAnyOf: ReadonlySet<string>;
  /** ISO country codes where the product may not be used. */
  unavailableIn: ReadonlySet<string>;
}

export interface ProductSeats {
  /**
   * Seats of usable subscriptions an admin may assign from, less those consumed. Negative when the product is
   * over its seats (a license conflict): seats freed then pay off the shortfall before anyone gets a new one.
   */
  available: number;
  /** Whether any usable subscription an admin may assign from exists at all. */
  assignable: boolean;
}

export interface DirectLicense {
  productId: string;
  disabledServicePlanIds: readonly string[];
}

export interface UserLicenses {
  userId: string;
  userType: "member" | "guest";
  usageLocation: string | null;
  /** Licenses assigned to the user itself. */
  direct: readonly DirectLicense[];
  /** Products the user inherits from groups: they hold a seat already, whatever happens to the direct ones. */
  inherited: ReadonlySet<string>;
}

export interface LicenseChange {
  userId: string;
  add: readonly DirectLicense[];
  remove: readonly string[];
}

export type UserResult =
  | { userId: string; ok: true; direct: DirectLicense[]; seatsTaken: string[]; seatsFreed: string[] }
  | { userId: string; ok: false; violations: Violation[] };

export interface ValidationInput {
  actorRoles: readonly Grantee[];
  catalog: ReadonlyMap<string, CatalogProduct>;
  seats: ReadonlyMap<string, ProductSeats>;
  users: ReadonlyMap<string, UserLicenses>;
  changes: readonly LicenseChange[];
}

export interface ValidationResult {
  results: UserResult[];
  /** Seats left per product after every successful change. */
  seatsAfter: Map<string, number>;
}

const ASSIGN: Action = "licenses.assign";

export function validateLicenseChanges(input: ValidationInput): ValidationResult {
  const available = new Map<string, number>();
  for (const [productId, seats] of input.seats) available.set(productId, seats.available);
  const ordered = [...input.changes].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  const results = ordered.map((change) => validateOne(input, change, available));
  return { results, seatsAfter: available };
}

function validateOne(input: ValidationInput, change: LicenseChange, available: Map<string, number>): UserResult {
  const violations: Violation[] = [];
  const fail = (violation: Violation) => violations.push(violation);
  const { userId } = change;
  if (!can(input.actorRoles, ASSIGN))
    return { userId, ok: false, violations: [{ code: "Forbidden", productId: null }] };
  const user = input.users.get(userId);
  if (!user) throw new Error(`validateLicenseChanges: no licenses given for user ${userId}`);

  const direct = new Map(user.direct.map((license) => [license.productId, license]));
  const heldBefore = new Set([...direct.keys(), ...user.inherited]);

  for (const productId of change.remove) {
    if (!direct.has(productId)) fail({ code: "NotAssigned", productId });
    direct.delete(productId);
  }
  const newProducts: string[] = [];
  for (const license of change.add) {
    const product = input.catalog.get(license.productId);
    if (!product) {
      fail({ code: "UnknownProduct", productId: license.productId });
      continue;
    }
    const foreignPlans = license.disabledServicePlanIds.filter((plan) => !product.servicePlanIds.has(plan));
    if (foreignPlans.length > 0)
      fail({ code: "InvalidServicePlan", productId: product.id, servicePlanIds: foreignPlans });
    const current = direct.get(product.id);
    // Re-adding a held product with other disabled plans is how plans are switched; with the same ones it is a no-op.
    if (current && samePlans(current.disabledServicePlanIds, license.disabledServicePlanIds)) {
      fail({ code: "AlreadyAssigned", productId: product.id });
    }
    direct.set(product.id, {
      productId: product.id,
      disabledServicePlanIds: [...license.disabledServicePlanIds].sort(),
    });
    if (!heldBefore.has(product.id)) newProducts.push(product.id);
  }

  if (newProducts.length > 0) {
    if (user.userType === "guest" && !canLicenseGuests(input.actorRoles)) {
      fail({ code: "GuestRequiresGlobalAdmin", productId: null });
    }
    for (const productId of newProducts) {
      const product = input.catalog.get(productId) as CatalogProduct;
      if (user.usageLocation === null) fail({ code: "UsageLocationRequired", productId });
      else if (product.unavailableIn.has(user.usageLocation)) {
        fail({ code: "ProhibitedInUsageLocationViolation", productId });
      }
    }
  }

  const heldAfter = new Set([...direct.keys(), ...user.inherited]);
  checkCombination(input.catalog, heldAfter, fail);

  // Seats: taken for products the user did not hold before, freed for those it no longer holds at all.
  const seatsFreed = [...heldBefore].filter((productId) => !heldAfter.has(productId));
  for (const productId of newProducts) {
    const seats = input.seats.get(productId);
    if (!seats?.assignable) fail({ code: "SubscriptionNotUsable", productId });
    else if ((available.get(productId) ?? 0) < 1) fail({ code: "CountViolation", productId });
  }
  // All or nothing for the user: a refused change takes and frees no seat.
  if (violations.length > 0) return { userId, ok: false, violations };

  for (const productId of seatsFreed) available.set(productId, (available.get(productId) ?? 0) + 1);
  for (const productId of newProducts) available.set(productId, (available.get(productId) ?? 0) - 1);
  const licenses = [...direct.values()].sort((a, b) => (a.productId < b.productId ? -1 : 1));
  return { userId, ok: true, direct: licenses, seatsTaken: newProducts.sort(), seatsFreed: seatsFreed.sort() };
}

/** Exclusions and prerequisites hold for the set a user would end up with, whichever change broke them. */
export function checkCombination(
  catalog: ReadonlyMap<string, CatalogProduct>,
  held: ReadonlySet<string>,
  fail: (violation: Violation) => void,
): void {
  const sorted = [...held].sort();
  for (const productId of sorted) {
    const product = catalog.get(productId);
    if (!product) continue;
    const clashes = sorted.filter(
      (other) => other > productId && (product.excludes.has(other) || catalog.get(other)?.excludes.has(productId)),
    );
    if (clashes.length > 0) fail({ code: "MutuallyExclusiveViolation", productId, relatedProductIds: clashes });
    if (product.requiresAnyOf.size > 0 && ![...product.requiresAnyOf].some((required) => held.has(required))) {
      fail({ code: "DependencyViolation", productId, relatedProductIds: [...product.requiresAnyOf].sort() });
    }
  }
}

/** Whether two lists of disabled service plans switch off the same plans, in whatever order. */
export function samePlans(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((plan) => set.has(plan));
}
