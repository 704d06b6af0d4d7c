import type { GraphUser } from "@allot/contracts";
import type { SeatSummary } from "@allot/domain";
import type { Catalog } from "../licenses/catalog.js";
import { effectiveLicenses, stateOf } from "../licenses/license-view.js";
import type { AssignmentColumns } from "./graph-user-columns.js";

/** What turns assignments into Graph's license properties: the catalog, and the seats that decide their states. */
export interface LicenseReading {
  catalog: Catalog;
  /** Seat state per product of the tenant; read only when licenseAssignmentStates is asked for. */
  summaries: ReadonlyMap<string, SeatSummary> | undefined;
}

/** A property's value as a response carries it when selected. */
type Value<P extends keyof GraphUser> = NonNullable<GraphUser[P]>;

function skuOf(reading: LicenseReading, productId: string): string {
  return reading.catalog.byId.get(productId)?.skuId ?? productId;
}

/**
 * One per product held in effect: a product held directly and through a group counts once, with the plans off in
 * every assignment of it; an assignment in error does not count (the same rule as the portal's license views).
 */
export function assignedLicenses(
  assignments: readonly AssignmentColumns[],
  reading: LicenseReading,
): Value<"assignedLicenses"> {
  return [...effectiveLicenses(assignments)].map(([productId, disabledPlans]) => ({
    skuId: skuOf(reading, productId),
    disabledPlans,
  }));
}

/** One per assignment row, direct and inherited, with its state as the portal's license view derives it. */
export function licenseAssignmentStates(
  assignments: readonly AssignmentColumns[],
  reading: LicenseReading,
): Value<"licenseAssignmentStates"> {
  return assignments.map((assignment) => {
    const { state, error } = stateOf(assignment, reading.summaries?.get(assignment.productId));
    return {
      skuId: skuOf(reading, assignment.productId),
      assignedByGroup: assignment.assignedByGroupId,
      disabledPlans: [...assignment.disabledServicePlanIds].sort(),
      state,
      error: error ?? "None",
      lastUpdatedDateTime: new Date(assignment.updatedAt).toISOString(),
    };
  });
}

/**
 * Every service plan switched on by a license in effect, once, since the earliest assignment in effect of a
 * product that switches it on (a plan two products share is one plan to the user).
 */
export function assignedPlans(
  assignments: readonly AssignmentColumns[],
  reading: LicenseReading,
): Value<"assignedPlans"> {
  const since = new Map<string, number>();
  for (const assignment of assignments) {
    if (assignment.state === "error") continue;
    const at = new Date(assignment.createdAt).getTime();
    since.set(assignment.productId, Math.min(at, since.get(assignment.productId) ?? at));
  }
  const plans = new Map<string, Value<"assignedPlans">[number]>();
  for (const [productId, disabled] of effectiveLicenses(assignments)) {
    const product = reading.catalog.byId.get(productId);
    const assignedAt = since.get(productId);
    if (!product || assignedAt === undefined) continue;
    for (const plan of product.servicePlans) {
      const earlier = plans.get(plan.id);
      if (disabled.includes(plan.id) || (earlier && Date.parse(earlier.assignedDateTime) <= assignedAt)) continue;
      plans.set(plan.id, {
        assignedDateTime: new Date(assignedAt).toISOString(),
        capabilityStatus: "Enabled",
        service: plan.name,
        servicePlanId: plan.id,
      });
    }
  }
  return [...plans.values()];
}
