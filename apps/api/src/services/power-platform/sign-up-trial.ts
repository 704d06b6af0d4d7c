import type { TrialSignUp } from "@allot/contracts";
import type { Tx } from "@allot/db";
import { isTrialLicenseExpired, POWER_AUTOMATE_TRIAL, trialDaysLeft, trialLicenseExpiry } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import { audit } from "../../lib/audit.js";
import { personOf } from "../../lib/tenant.js";
import type { TenantContext } from "../../types.js";
import { applyLicenseChanges } from "../licenses/apply-changes.js";
import { catalogOf } from "../licenses/catalog.js";
import { lockHoldings } from "../licenses/holdings.js";
import { LICENSE_TRANSACTION } from "../licenses/transaction.js";
import { violationError } from "../licenses/violations.js";
import { lockSeats } from "../seats/seat-ledger.js";

/**
 * The trial subscription's term: it lasts as long as the tenant does. Its licenses end one by one (each 90 days
 * after it was assigned, `LicenseAssignment.expiresAt`, removed by the lifecycle job), so the subscription itself
 * must never expire through the subscription lifecycle while they run: source `trial`, no auto-renewal (never
 * billed) and a term ending at the end of time keep `dueLifecycleSteps` from ever finding a step for it.
 */
export const TRIAL_SUBSCRIPTION_ENDS_AT = new Date("9999-12-31T00:00:00.000Z");

type Product = { id: string; skuId: string; skuPartNumber: string; displayName: string };

/**
 * A person signs up for the Power Automate trial (seed 004's FAQ). For the organization (the default): the first
 * sign-up in the tenant gives it a free trial subscription of 10,000 licenses (no order, no charge), and the person
 * gets one of them, ending 90 days from now. As an individual: a 90-day trial of their own that the admin center
 * never shows (no subscription, no license, no seat). Refused when admins turned trial sign-up off.
 */
export async function signUpForTrial(ctx: TenantContext, body: { as: "organization" | "individual" }) {
  // Only the organization's own people sign up: a partner's delegated agent is not one of its users.
  if (ctx.actor.tenantId !== ctx.tenantId) {
    throw new AppError("Forbidden", "Only people of this organization can sign up for a trial here.");
  }
  return ctx.db.$transaction(async (tx): Promise<TrialSignUp> => {
    const product = await tx.product.findUniqueOrThrow({
      where: { skuPartNumber: POWER_AUTOMATE_TRIAL.skuPartNumber },
      select: { id: true, skuId: true, skuPartNumber: true, displayName: true },
    });
    const policy = await tx.tenantProduct.findUnique({
      where: { tenantId_productId: { tenantId: ctx.tenantId, productId: product.id } },
      select: { trialSignUpEnabled: true },
    });
    if (policy && !policy.trialSignUpEnabled) {
      throw new AppError(
        "TrialSignUpDisabled",
        `Your organization does not allow signing up for ${product.displayName}. Ask your admin.`,
      );
    }
    const now = ctx.clock.now();
    const expiresAt =
      body.as === "individual"
        ? await startIndividual(tx, ctx, product, now)
        : await startForOrganization(tx, ctx, product, now);
    return {
      skuId: product.skuId,
      skuPartNumber: product.skuPartNumber,
      productName: product.displayName,
      as: body.as,
      startedAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      daysLeft: trialDaysLeft(expiresAt, now),
    };
  }, LICENSE_TRANSACTION);
}

/** The person's own trial: theirs alone, once while one runs (an ended one not yet cleared is replaced). */
async function startIndividual(tx: Tx, ctx: TenantContext, product: Product, now: Date): Promise<Date> {
  const userId = personOf(ctx.actor).userId;
  const key = { userId_productId_tenantId: { userId, productId: product.id, tenantId: ctx.tenantId } };
  const running = await tx.individualTrial.findUnique({ where: key });
  if (running && !isTrialLicenseExpired(running.expiresAt, now)) {
    throw new AppError("TrialAlreadyUsed", `You already have a trial of ${product.displayName} running.`);
  }
  const expiresAt = trialLicenseExpiry(now);
  const fields = { startedAt: now, expiresAt };
  await tx.individualTrial.upsert({
    where: key,
    create: { tenantId: ctx.tenantId, userId, productId: product.id, ...fields },
    update: fields,
  });
  // Audited for the record; no product is named, so it never counts as one of the tenant's licenses.
  await audit(tx, ctx, {
    action: "licenses.trialStarted",
    targetType: "user",
    targetId: userId,
    after: { as: "individual", skuId: product.skuId, expiresAt },
  });
  return expiresAt;
}

/** The tenant's trial subscription (created on the first sign-up) and one of its licenses for the person. */
async function startForOrganization(tx: Tx, ctx: TenantContext, product: Product, now: Date): Promise<Date> {
  const userId = personOf(ctx.actor).userId;
  // Locks in the licensing order (user rows, then seat rows): two first sign-ups at once create one subscription.
  await lockHoldings(tx, ctx.tenantId, [userId]);
  await lockSeats(tx, ctx.tenantId, [product.id]);
  const existing = await tx.subscription.findFirst({
    where: { tenantId: ctx.tenantId, productId: product.id, source: "trial" },
    select: { id: true },
  });
  let subscriptionId = existing?.id ?? null;
  if (!subscriptionId) {
    // Free: no order and no charge are written (nothing to bill); the audit event is its record.
    const created = await tx.subscription.create({
      data: {
        tenantId: ctx.tenantId,
        productId: product.id,
        seats: POWER_AUTOMATE_TRIAL.licenses,
        state: "active",
        source: "trial",
        autoRenew: false,
        billingTerm: "monthly",
        termStartsAt: now,
        termEndsAt: TRIAL_SUBSCRIPTION_ENDS_AT,
        stateChangedAt: now,
        createdAt: now,
      },
    });
    subscriptionId = created.id;
  }
  // The person takes a license for themself, as a self-service buyer does with a seat of their own subscription.
  const outcome = await applyLicenseChanges(
    tx,
    { ...ctx, roles: [...ctx.roles, "licenseAdmin"] },
    await catalogOf(ctx.db, tx),
    {
      userIds: [userId],
      add: [{ productId: product.id, disabledServicePlanIds: [] }],
      remove: [],
      mode: "add",
      atomic: true,
      dryRun: false,
    },
  );
  const result = outcome.results[0];
  if (result && !result.ok) throw violationError(result.violations, "body");
  const expiresAt = trialLicenseExpiry(now);
  await audit(tx, ctx, {
    action: "licenses.trialStarted",
    targetType: "user",
    targetId: userId,
    productIds: [product.id],
    after: {
      as: "organization",
      skuId: product.skuId,
      subscriptionId,
      subscriptionCreated: !existing,
      seats: POWER_AUTOMATE_TRIAL.licenses,
      expiresAt,
    },
  });
  return expiresAt;
}
