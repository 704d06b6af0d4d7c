import type { LicenseAssignmentState, LicenseDetails, LicensedUser } from "@allot/contracts";
import type { SqlTx } from "@allot/db";
import { type SeatSummary, type SubscriptionSeats, summarizeSeats } from "@allot/domain";
import { notFound } from "../../lib/app-error.js";
import type { TenantContext } from "../../types.js";
import { USER_COLUMNS } from "../directory/user-columns.js";
import { type UserColumns, userFromColumns } from "../directory/user-view.js";
import type { Catalog } from "./catalog.js";

interface Assignment {
  productId: string;
  assignedByGroupId: string | null;
  disabledServicePlanIds: string[];
  state: string;
  errorCode: string | null;
  updatedAt: Date;
}

/**
 * An assignment's state as Graph reports it. Stored is only whether it applied (active) or not (error, with the
 * code); the rest follows from the product's subscriptions at read time, so expiring a subscription needs no
 * rewrite of every assignment: no usable subscription left → Disabled, more holders than seats → ActiveWithError.
 */
export function stateOf(
  assignment: Pick<Assignment, "state" | "errorCode">,
  summary: SeatSummary | undefined,
): Pick<LicenseAssignmentState, "state" | "error"> {
  if (assignment.state === "error") return { state: "Error", error: assignment.errorCode ?? "Error" };
  if (!summary || summary.usableUnits === 0) return { state: "Disabled", error: "SubscriptionNotUsable" };
  if (summary.consumedUnits > summary.usableUnits) return { state: "ActiveWithError", error: "CountViolation" };
  return { state: "Active", error: null };
}

/** Per product in effect: the plans off in every assignment of it (a plan on in any assignment is on). */
export function effectiveLicenses(
  assignments: ReadonlyArray<Pick<Assignment, "productId" | "disabledServicePlanIds" | "state">>,
): Map<string, string[]> {
  const effective = new Map<string, string[]>();
  for (const assignment of assignments) {
    if (assignment.state === "error") continue;
    const previous = effective.get(assignment.productId);
    effective.set(
      assignment.productId,
      previous
        ? previous.filter((plan) => assignment.disabledServicePlanIds.includes(plan))
        : [...assignment.disabledServicePlanIds].sort(),
    );
  }
  return effective;
}

interface LicensedUserRow extends UserColumns {
  assignments: Array<Omit<Assignment, "updatedAt"> & { updatedAt: string }>;
  seats: Array<{ productId: string; consumedUnits: number; subscriptions: SubscriptionSeats[] }>;
}

/** What a user's license views are built from, read in one statement. */
interface UserLicenseState {
  columns: UserColumns;
  assignments: Assignment[];
  /** The seat state of each product the user has an assignment of (to derive the assignments' states). */
  summaries: Map<string, SeatSummary>;
}

/** The user's columns, its assignments and the seat state of each product it has, in one statement. */
async function loadUserLicenseState(
  tx: SqlTx,
  ctx: Pick<TenantContext, "tenantId">,
  userId: string,
): Promise<UserLicenseState> {
  const [row] = await tx.$queryRaw<LicensedUserRow[]>`
    SELECT ${USER_COLUMNS},
           COALESCE((SELECT json_agg(json_build_object(
                               'productId', la."productId", 'assignedByGroupId', la."assignedByGroupId",
                               'disabledServicePlanIds', la."disabledServicePlanIds", 'state', la.state,
                               'errorCode', la."errorCode", 'updatedAt', la."updatedAt")
                             ORDER BY la."productId", la."createdAt")
                       FROM "LicenseAssignment" la WHERE la."userId" = u.id), '[]'::json) AS assignments,
           COALESCE((SELECT json_agg(json_build_object(
                               'productId', tp."productId", 'consumedUnits', tp."consumedUnits",
                               'subscriptions', (SELECT COALESCE(json_agg(json_build_object(
                                                          'id', s.id, 'seats', s.seats, 'state', s.state,
                                                          'source', s.source, 'takenOver', s."takenOverAt" IS NOT NULL)),
                                                        '[]'::json)
                                                   FROM "Subscription" s
                                                  WHERE s."tenantId" = tp."tenantId" AND s."productId" = tp."productId")))
                       FROM "TenantProduct" tp
                      WHERE tp."tenantId" = u."tenantId"
                        AND tp."productId" IN (SELECT la."productId" FROM "LicenseAssignment" la
                                                WHERE la."userId" = u.id)), '[]'::json) AS seats
      FROM "User" u
     WHERE u.id = ${userId}::uuid AND u."tenantId" = ${ctx.tenantId}::uuid`;
  if (!row) throw notFound("User");
  const { assignments, seats, ...columns } = row;
  return {
    columns,
    assignments: assignments.map((a) => ({ ...a, updatedAt: new Date(a.updatedAt) })),
    summaries: new Map(seats.map((seat) => [seat.productId, summarizeSeats(seat.subscriptions, seat.consumedUnits)])),
  };
}

/** A user with Graph's assignedLicenses and licenseAssignmentStates. */
export async function licensedUser(
  tx: SqlTx,
  ctx: TenantContext,
  catalog: Catalog,
  userId: string,
): Promise<LicensedUser> {
  const { columns, assignments, summaries } = await loadUserLicenseState(tx, ctx, userId);
  const skuOf = (productId: string) => catalog.byId.get(productId)?.skuId ?? productId;
  return {
    ...userFromColumns(columns),
    assignedLicenses: [...effectiveLicenses(assignments)].map(([productId, disabledPlans]) => ({
      skuId: skuOf(productId),
      disabledPlans,
    })),
    licenseAssignmentStates: assignments.map((assignment) => ({
      skuId: skuOf(assignment.productId),
      assignedByGroup: assignment.assignedByGroupId,
      disabledPlans: [...assignment.disabledServicePlanIds].sort(),
      ...stateOf(assignment, summaries.get(assignment.productId)),
      lastUpdatedDateTime: assignment.updatedAt.toISOString(),
    })),
  };
}

/** Graph's licenseDetails: per license in effect, every service plan with whether it is provisioned. */
export async function licenseDetails(
  ctx: Pick<TenantContext, "db" | "tenantId">,
  catalog: Catalog,
  userId: string,
): Promise<LicenseDetails> {
  const { columns, assignments, summaries } = await loadUserLicenseState(ctx.db, ctx, userId);
  if (columns.deletedAt) throw notFound("User");
  const value: LicenseDetails["value"] = [];
  for (const [productId, disabled] of effectiveLicenses(assignments)) {
    const product = catalog.byId.get(productId);
    if (!product) continue;
    const suspended = (summaries.get(productId)?.usableUnits ?? 0) === 0;
    value.push({
      id: `${userId}_${product.skuId}`,
      skuId: product.skuId,
      skuPartNumber: product.skuPartNumber,
      servicePlans: product.servicePlans.map((plan) => ({
        servicePlanId: plan.id,
        servicePlanName: plan.name,
        displayName: plan.displayName,
        provisioningStatus: suspended || disabled.includes(plan.id) ? "Disabled" : "Success",
      })),
    });
  }
  return { value };
}
