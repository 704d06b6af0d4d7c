import { ERROR_STATUS, type ErrorCode, type FieldError, type LicenseViolation } from "@allot/contracts";
import type { Violation } from "@allot/domain";
import { AppError } from "../../lib/app-error.js";
import type { Catalog, ResolvedChange } from "./catalog.js";

const MESSAGES: Record<Violation["code"], (sku: string, related: string) => string> = {
  Forbidden: () => "Your role cannot assign or remove licenses.",
  GuestRequiresGlobalAdmin: () => "Only a global admin can license a guest user.",
  UnknownProduct: (sku) => `${sku} is not a product of the catalog.`,
  InvalidServicePlan: (sku) => `Some disabled plans are not service plans of ${sku}.`,
  AlreadyAssigned: (sku) => `The user already has ${sku} with these service plans.`,
  NotAssigned: (sku) => `The user has no direct ${sku} license to remove.`,
  UsageLocationRequired: () => "Set the user's usage location before assigning licenses.",
  ProhibitedInUsageLocationViolation: (sku) => `${sku} is not available in the user's usage location.`,
  MutuallyExclusiveViolation: (sku, related) => `${sku} cannot be held together with ${related}.`,
  DependencyViolation: (sku, related) => `${sku} needs one of ${related} as well.`,
  SubscriptionNotUsable: (sku) =>
    `No subscription of ${sku} can be assigned from (none, suspended, or a maker's own not yet taken over).`,
  CountViolation: (sku) => `No ${sku} seats are left. Buy more seats or free some.`,
};

/** The API's code for a domain violation: the same name, except a product we could not resolve is 404. */
function codeOf(violation: Violation): ErrorCode {
  return violation.code === "UnknownProduct" ? "NotFound" : violation.code;
}

/** A domain violation in the contract's terms: skuIds instead of internal product ids, and a sentence. */
export function describeViolation(catalog: Catalog, violation: Violation): LicenseViolation {
  const sku = (productId: string | null) => (productId ? catalog.byId.get(productId) : undefined);
  const product = sku(violation.productId);
  const related = (violation.relatedProductIds ?? []).map((id) => sku(id)).filter((entry) => entry !== undefined);
  return {
    code: codeOf(violation),
    skuId: product?.skuId ?? null,
    message: MESSAGES[violation.code](
      product?.skuPartNumber ?? "this product",
      related.map((entry) => entry.skuPartNumber).join(", "),
    ),
    ...(related.length > 0 ? { relatedSkuIds: related.map((entry) => entry.skuId) } : {}),
    ...(violation.servicePlanIds ? { servicePlanIds: violation.servicePlanIds } : {}),
  };
}

const STATUS_ORDER: number[] = [403, 404, 400, 422, 409];

/** A refused change as an error: the first violation decides code and status, `errors` lists all of them. */
export function violationError(
  violations: Array<LicenseViolation & { userId?: string }>,
  path: string,
  extra?: Partial<Record<"report", unknown>>,
): AppError {
  // The answer's code and status come from the most fundamental problem: who may do it (403), what exists (404),
  // whether the request can apply at all (422), then seats and other licenses (409). Order within is kept.
  const ordered = [...violations].sort(
    (a, b) => STATUS_ORDER.indexOf(ERROR_STATUS[a.code]) - STATUS_ORDER.indexOf(ERROR_STATUS[b.code]),
  );
  const first = ordered[0];
  if (!first) throw new Error("violationError needs at least one violation");
  const errors: FieldError[] = ordered.map((violation) => ({
    path,
    message: violation.message,
    code: violation.code,
    skuId: violation.skuId,
    ...(violation.userId ? { userId: violation.userId } : {}),
  }));
  const summary = violations.length === 1 ? first.message : `${first.message} (${violations.length - 1} more problems)`;
  return new AppError(first.code, summary, { errors, extensions: extra });
}

/** Disabled plans that are not service plans of the product they are given for, per license. */
export function foreignPlanViolations(catalog: Catalog, change: ResolvedChange): LicenseViolation[] {
  return change.add.flatMap(({ product, disabledServicePlanIds }) => {
    const foreign = disabledServicePlanIds.filter((plan) => !product.servicePlanIds.has(plan));
    return foreign.length === 0
      ? []
      : [describeViolation(catalog, { code: "InvalidServicePlan", productId: product.id, servicePlanIds: foreign })];
  });
}
