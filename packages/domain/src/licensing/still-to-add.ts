import { type DirectLicense, samePlans } from "./validator.js";

/**
 * The licenses of a bulk "add" a user does not hold yet in that form: a product held directly with the same
 * disabled service plans is left out (nothing to do), one held with other plans stays in (re-adding switches its
 * plans). What Partner Center's "checked" means for a selection where some users already hold the product.
 */
export function licensesStillToAdd(
  add: readonly DirectLicense[],
  held: readonly DirectLicense[],
): readonly DirectLicense[] {
  const heldById = new Map(held.map((license) => [license.productId, license]));
  return add.filter((license) => {
    const current = heldById.get(license.productId);
    return !current || !samePlans(current.disabledServicePlanIds, license.disabledServicePlanIds);
  });
}
