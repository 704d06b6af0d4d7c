import { can, canLicenseGuests, type Grantee } from "../permissions.js";
import {
  type CatalogProduct,
  checkCombination,
  type ProductSeats,
  type UserLicenses,
  type Violation,
  type ViolationCode,
} from "./validator.js";

/**
 * Group-based licensing: which of the licenses a group hands its members can take effect. Unlike a direct
 * assignment, an inherited license that cannot apply is not refused: it is kept in an error state with the code,
 * and a later reprocess (after seats are bought, a location set, …) retries it. Pure and deterministic: members
 * are processed in user id order and a product only once its prerequisite is held, so seats go the same way every
 * run.
 */

export interface InheritedCandidate {
  userId: string;
  /** Products a group hands the user that are not in effect for it yet (new, or in error). */
  productIds: readonly string[];
}

export type InheritedOutcome =
  | { userId: string; productId: string; ok: true; takesSeat: boolean }
  | { userId: string; productId: string; ok: false; code: ViolationCode };

export interface InheritedInput {
  actorRoles: readonly Grantee[];
  catalog: ReadonlyMap<string, CatalogProduct>;
  seats: ReadonlyMap<string, ProductSeats>;
  users: ReadonlyMap<string, UserLicenses>;
  candidates: readonly InheritedCandidate[];
  /**
   * The organization's country: a member without a usage location is licensed as if it were theirs, as Entra's
   * group-based licensing uses the directory's location. Absent or null: such a member's license stays in error.
   */
  defaultUsageLocation?: string | null;
}

export interface InheritedPlan {
  outcomes: InheritedOutcome[];
  seatsAfter: Map<string, number>;
}

export function planInheritedLicenses(input: InheritedInput): InheritedPlan {
  const available = new Map<string, number>();
  for (const [productId, seats] of input.seats) available.set(productId, seats.available);
  const outcomes: InheritedOutcome[] = [];
  // One candidate per user, whatever the caller sent: two entries for one user must not take two seats.
  const merged = new Map<string, Set<string>>();
  for (const candidate of input.candidates) {
    const products = merged.get(candidate.userId) ?? new Set<string>();
    for (const productId of candidate.productIds) products.add(productId);
    merged.set(candidate.userId, products);
  }
  const ordered = [...merged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [userId, productIds] of ordered)
    outcomes.push(...planForUser(input, { userId, productIds: [...productIds] }, available));
  return { outcomes, seatsAfter: available };
}

function planForUser(
  input: InheritedInput,
  { userId, productIds }: InheritedCandidate,
  available: Map<string, number>,
): InheritedOutcome[] {
  const given = input.users.get(userId);
  if (!given) throw new Error(`planInheritedLicenses: no licenses given for user ${userId}`);
  const user = { ...given, usageLocation: given.usageLocation ?? input.defaultUsageLocation ?? null };
  const held = new Set([...user.direct.map((license) => license.productId), ...user.inherited]);
  const outcomes: InheritedOutcome[] = [];
  const fail = (productId: string, code: ViolationCode) => outcomes.push({ userId, productId, ok: false, code });

  const fresh: CatalogProduct[] = [];
  for (const productId of [...new Set(productIds)].sort()) {
    // Another assignment already gives the user this product: the inherited one applies without a seat.
    if (held.has(productId)) {
      outcomes.push({ userId, productId, ok: true, takesSeat: false });
      continue;
    }
    const product = input.catalog.get(productId);
    const code = product ? individualViolation(input, user, product) : "UnknownProduct";
    if (code) fail(productId, code);
    else fresh.push(product as CatalogProduct);
  }

  // A product is tried once its prerequisite is held, in passes until nothing more applies, so a base product
  // (or a chain of add-ons) is in place before what needs it, whatever the order of ids.
  let pending = fresh.sort((a, b) => (a.id < b.id ? -1 : 1));
  for (let progress = true; progress && pending.length > 0; ) {
    progress = false;
    const waiting: CatalogProduct[] = [];
    for (const product of pending) {
      if (product.requiresAnyOf.size > 0 && ![...product.requiresAnyOf].some((required) => held.has(required))) {
        waiting.push(product);
        continue;
      }
      progress = true;
      const violations: Violation[] = [];
      checkCombination(input.catalog, new Set([...held, product.id]), (violation) => {
        if (violation.productId === product.id || violation.relatedProductIds?.includes(product.id)) {
          violations.push(violation);
        }
      });
      const first = violations[0];
      if (first) {
        fail(product.id, first.code);
        continue;
      }
      const left = available.get(product.id) ?? 0;
      if (left < 1) {
        fail(product.id, "CountViolation");
        continue;
      }
      available.set(product.id, left - 1);
      held.add(product.id);
      outcomes.push({ userId, productId: product.id, ok: true, takesSeat: true });
    }
    pending = waiting;
  }
  for (const product of pending) fail(product.id, "DependencyViolation");
  return outcomes;
}

/** Rules that concern the product and the user alone, before seats and the user's other products. */
function individualViolation(input: InheritedInput, user: UserLicenses, product: CatalogProduct): ViolationCode | null {
  if (!can(input.actorRoles, "licenses.assign")) return "Forbidden";
  if (user.userType === "guest" && !canLicenseGuests(input.actorRoles)) return "GuestRequiresGlobalAdmin";
  if (user.usageLocation === null) return "UsageLocationRequired";
  if (product.unavailableIn.has(user.usageLocation)) return "ProhibitedInUsageLocationViolation";
  if (!input.seats.get(product.id)?.assignable) return "SubscriptionNotUsable";
  return null;
}
