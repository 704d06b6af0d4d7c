import { checkCombination } from "@allot/domain";
import type { Catalog } from "./catalog.js";
import { type AssignmentRow, holdsSeat } from "./holdings.js";
import { describeViolation, violationError } from "./violations.js";

/** Per user, the products it holds in effect whose prerequisite is missing. */
function brokenPrerequisites(
  catalog: Catalog,
  rows: readonly AssignmentRow[],
  userIds: ReadonlySet<string>,
): Map<string, Set<string>> {
  const held = new Map<string, Set<string>>();
  for (const row of rows) {
    if (!userIds.has(row.userId) || !holdsSeat(row)) continue;
    const set = held.get(row.userId) ?? new Set<string>();
    set.add(row.productId);
    held.set(row.userId, set);
  }
  const broken = new Map<string, Set<string>>();
  for (const [userId, products] of held) {
    checkCombination(catalog.byId, products, (violation) => {
      if (violation.code !== "DependencyViolation" || !violation.productId) return;
      const set = broken.get(userId) ?? new Set<string>();
      set.add(violation.productId);
      broken.set(userId, set);
    });
  }
  return broken;
}

/**
 * Taking inherited licenses away (leaving the group, the group losing a license, the group deleted) must not
 * leave a user with an add-on whose base product is gone, just as removing a direct base product is refused.
 */
export function refuseBrokenPrerequisites(
  catalog: Catalog,
  before: readonly AssignmentRow[],
  after: readonly AssignmentRow[],
  userIds: ReadonlySet<string>,
): void {
  if (userIds.size === 0) return;
  const already = brokenPrerequisites(catalog, before, userIds);
  const violations = [];
  for (const [userId, products] of brokenPrerequisites(catalog, after, userIds)) {
    for (const productId of products) {
      if (already.get(userId)?.has(productId)) continue;
      const product = catalog.byId.get(productId);
      const violation = describeViolation(catalog, {
        code: "DependencyViolation",
        productId,
        relatedProductIds: [...(product?.requiresAnyOf ?? [])].sort(),
      });
      violations.push({ ...violation, userId });
    }
  }
  if (violations.length > 0) throw violationError(violations, "body");
}
