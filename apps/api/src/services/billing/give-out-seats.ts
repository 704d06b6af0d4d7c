import type { SubscriptionAssignments } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { isUsable } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import type { TenantContext } from "../../types.js";
import { applyLicenseChanges } from "../licenses/apply-changes.js";
import { catalogOf } from "../licenses/catalog.js";
import { violationError } from "../licenses/violations.js";
import { assertCanRead, isOwnerOf, readSubscription, type SubscriptionRecord, stateInvalid } from "./access.js";
import { assignmentsOf } from "./subscription-view.js";

/** Gives seats of the buyer's subscription to users (or takes them back), with every license rule applied. */
async function changeOwnerSeats(
  tx: Tx,
  ctx: TenantContext,
  subscription: SubscriptionRecord,
  userIds: readonly string[],
  direction: "assign" | "unassign",
) {
  const catalog = await catalogOf(ctx.db, tx);
  const outcome = await applyLicenseChanges(tx, ctx, catalog, {
    userIds,
    add: direction === "assign" ? [{ productId: subscription.productId, disabledServicePlanIds: [] }] : [],
    remove: direction === "unassign" ? [subscription.productId] : [],
    mode: "add",
    atomic: true,
    dryRun: false,
    fromSubscription: { id: subscription.id, productId: subscription.productId },
  });
  const refused = outcome.results.filter((result) => !result.ok);
  if (refused.length > 0) {
    throw violationError(
      refused.flatMap((result) => (result.ok ? [] : result.violations.map((v) => ({ ...v, userId: result.userId })))),
      "body.userIds",
    );
  }
  return outcome;
}

/** Refuses to take back seats of people who did not get theirs from this subscription (NotAssigned). */
async function assertHeldFrom(tx: Tx, subscriptionId: string, userIds: readonly string[]): Promise<void> {
  const held = await tx.licenseAssignment.findMany({
    where: { subscriptionId, userId: { in: [...userIds] } },
    select: { userId: true },
  });
  const heldIds = new Set(held.map((row) => row.userId));
  const missing = userIds.filter((id) => !heldIds.has(id));
  if (missing.length > 0) {
    throw new AppError("NotAssigned", "Some of these people did not get their seat from this subscription.", {
      errors: missing.map((userId) => ({ path: "body.userIds", message: "has no seat of this subscription", userId })),
    });
  }
}

/** The buyer gives seats of their self-service subscription to people in the organization, or takes them back. */
export async function giveOutSeats(
  ctx: TenantContext,
  subscriptionId: string,
  userIds: readonly string[],
  direction: "assign" | "unassign",
): Promise<SubscriptionAssignments> {
  return ctx.db.$transaction(
    async (tx) => {
      // Not locked here: the license engine locks the users, the seat row, then this subscription, in the order
      // every seat change takes them (a seat change locks the seat row before the subscription).
      const subscription = await readSubscription(tx, ctx.tenantId, subscriptionId);
      if (!isOwnerOf(ctx, subscription)) {
        if (subscription.ownerUserId === ctx.actor.userId && subscription.takenOverAt !== null) {
          throw stateInvalid("Your admin took this subscription over: they assign its seats now.");
        }
        assertCanRead(ctx, subscription);
        throw new AppError("Forbidden", "Only the person who bought this subscription gives out its seats.");
      }
      if (!isUsable(subscription.state)) {
        throw stateInvalid(`Seats of a ${subscription.state} subscription cannot be given out.`);
      }
      if (direction === "unassign") await assertHeldFrom(tx, subscriptionId, userIds);
      await changeOwnerSeats(tx, ctx, subscription, userIds, direction);
      await audit(tx, ctx, {
        action:
          direction === "assign" ? "licenses.assignedBySubscriptionOwner" : "licenses.unassignedBySubscriptionOwner",
        targetType: "subscription",
        targetId: subscription.id,
        productIds: [subscription.productId],
        after: { userIds },
      });
      return assignmentsOf(tx, ctx.tenantId, subscriptionId);
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
}
