import type { LicenseAssignmentState, MyLicenses } from "@allot/contracts";
import { trialDaysLeft } from "@allot/domain";
import { assertOwnTenant } from "../../lib/own-tenant.js";
import { personOf } from "../../lib/tenant.js";
import type { TenantContext } from "../../types.js";
import { loadSubscriptions } from "../billing/subscription-view.js";
import { type CatalogEntry, catalogOf } from "../licenses/catalog.js";
import { licensedUser } from "../licenses/license-view.js";
import { loadRequests } from "../requests/list-requests.js";
import { usableSubscriptionSql } from "../seats/usable-subscription.js";

/** Requests shown on My licenses: the newest, whatever their status. */
const MY_REQUESTS_LIMIT = 100;

type MyLicense = MyLicenses["licenses"][number];

/**
 * My account › Licenses: the products the signed-in person holds (directly or through groups) with each one's state
 * as the admin center derives it, the apps switched on, when a trial backing it ends, their license requests and
 * the self-service subscriptions they bought. A trial license (Power Automate Free) shows its own end and the days
 * left; a trial the person started just for themself (individual) is listed too, marked so. Their own tenant only.
 */
export async function myLicenses(ctx: TenantContext): Promise<MyLicenses> {
  assertOwnTenant(ctx);
  const userId = personOf(ctx.actor).userId;
  const catalog = await catalogOf(ctx.db);
  const [user, requests, subscriptions] = await Promise.all([
    licensedUser(ctx.db, ctx, catalog, userId),
    loadRequests(ctx.db, ctx.tenantId, { requesterUserId: userId, take: MY_REQUESTS_LIMIT }),
    loadSubscriptions(ctx.db, ctx.tenantId, { ownerUserId: userId, includeDeleted: false }),
  ]);
  const bySku = new Map<string, LicenseAssignmentState[]>();
  for (const assignment of user.licenseAssignmentStates) {
    bySku.set(assignment.skuId, [...(bySku.get(assignment.skuId) ?? []), assignment]);
  }
  const products = [...bySku.keys()]
    .map((skuId) => catalog.bySkuId.get(skuId))
    .filter((product): product is CatalogEntry => product !== undefined);
  const groupIds = [
    ...new Set(user.licenseAssignmentStates.flatMap((a) => (a.assignedByGroup ? [a.assignedByGroup] : []))),
  ];
  const now = ctx.clock.now();
  const [groups, trialEnds, ownEnds, individual] = await Promise.all([
    groupIds.length === 0
      ? Promise.resolve([])
      : ctx.db.group.findMany({
          where: { id: { in: groupIds }, tenantId: ctx.tenantId },
          select: { id: true, displayName: true },
        }),
    trialEndsByProduct(
      ctx,
      products.map((product) => product.id),
    ),
    ownTrialEnds(ctx, userId),
    ctx.db.individualTrial.findMany({
      where: { userId, expiresAt: { gt: now } },
      select: { productId: true, expiresAt: true },
    }),
  ]);
  const groupNames = new Map(groups.map((group) => [group.id, group.displayName]));
  const effectivePlans = new Map(user.assignedLicenses.map((license) => [license.skuId, license.disabledPlans]));

  const licenses = products.map((product): MyLicense => {
    const assignments = bySku.get(product.skuId) ?? [];
    const inEffect = assignments.filter((assignment) => assignment.state !== "Error");
    // Every assignment in effect of one product has the same state: it follows from the product's seats.
    const state = inEffect[0]?.state ?? "Error";
    const shown = inEffect.length > 0 ? inEffect : assignments;
    const disabled = new Set(effectivePlans.get(product.skuId) ?? commonPlans(shown));
    const on = state === "Active" || state === "ActiveWithError";
    // A trial license's own end comes before its subscription's (which, for the trial product, never ends).
    const endsAt = ownEnds.get(product.id) ?? trialEnds.get(product.id) ?? null;
    return {
      skuId: product.skuId,
      skuPartNumber: product.skuPartNumber,
      productName: product.displayName,
      state,
      direct: shown.some((assignment) => assignment.assignedByGroup === null),
      groups: [...new Set(shown.flatMap((a) => (a.assignedByGroup ? [a.assignedByGroup] : [])))]
        .map((id) => ({ id, displayName: groupNames.get(id) ?? "" }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
      trialEndsAt: endsAt?.toISOString() ?? null,
      trialDaysLeft: endsAt ? trialDaysLeft(endsAt, now) : null,
      individualTrial: false,
      servicePlans: product.servicePlans.map((plan) => ({
        servicePlanId: plan.id,
        servicePlanName: plan.name,
        displayName: plan.displayName,
        enabled: on && !disabled.has(plan.id),
      })),
    };
  });
  for (const trial of individual) {
    const product = catalog.byId.get(trial.productId);
    if (!product) continue;
    licenses.push({
      skuId: product.skuId,
      skuPartNumber: product.skuPartNumber,
      productName: product.displayName,
      state: "Active",
      direct: false,
      groups: [],
      trialEndsAt: trial.expiresAt.toISOString(),
      trialDaysLeft: trialDaysLeft(trial.expiresAt, now),
      individualTrial: true,
      servicePlans: product.servicePlans.map((plan) => ({
        servicePlanId: plan.id,
        servicePlanName: plan.name,
        displayName: plan.displayName,
        enabled: true,
      })),
    });
  }
  licenses.sort((a, b) => a.productName.localeCompare(b.productName));
  return { licenses, requests, subscriptions };
}

/** The plans switched off in every one of the assignments (a plan on in any of them is on). */
function commonPlans(assignments: readonly LicenseAssignmentState[]): string[] {
  const [first, ...rest] = assignments;
  return (first?.disabledPlans ?? []).filter((plan) => rest.every((a) => a.disabledPlans.includes(plan)));
}

/**
 * Per product whose usable subscriptions (active, or expired in grace) in the tenant are all trials: when the
 * first of them ends. A product with any paid usable subscription is not "on trial".
 */
async function trialEndsByProduct(ctx: TenantContext, productIds: readonly string[]): Promise<Map<string, Date>> {
  if (productIds.length === 0) return new Map();
  const rows = await ctx.db.$queryRaw<Array<{ productId: string; endsAt: Date }>>`
    SELECT s."productId"::text AS "productId", min(s."termEndsAt") AS "endsAt"
      FROM "Subscription" s
     WHERE s."tenantId" = ${ctx.tenantId}::uuid AND s."productId" = ANY(${[...productIds]}::uuid[])
       AND ${usableSubscriptionSql}
     GROUP BY s."productId"
    HAVING bool_and(s.source = 'trial')`;
  return new Map(rows.map((row) => [row.productId, row.endsAt]));
}

/** Per product: when the person's trial license of it ends (the earliest, should they hold it twice). */
async function ownTrialEnds(ctx: TenantContext, userId: string): Promise<Map<string, Date>> {
  const rows = await ctx.db.licenseAssignment.findMany({
    where: { tenantId: ctx.tenantId, userId, expiresAt: { not: null } },
    select: { productId: true, expiresAt: true },
    orderBy: { expiresAt: "desc" },
  });
  return new Map(rows.flatMap((row) => (row.expiresAt ? [[row.productId, row.expiresAt] as const] : [])));
}
