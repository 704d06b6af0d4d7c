import { z } from "zod";
import { idInputSchema } from "./common.js";

/**
 * The licenses a request gives someone (Graph's addLicenses), shared by assignLicense, bulk changes and creating a
 * user with licenses.
 */

export const MAX_LICENSES_PER_CALL = 50;
const MAX_PLANS_PER_LICENSE = 200;

export const distinct = (ids: readonly string[]) => new Set(ids).size === ids.length;

export const addLicenseSchema = z.strictObject({
  skuId: idInputSchema,
  /** Service plans of the SKU to switch off; omit or [] for all on. */
  disabledPlans: z
    .array(idInputSchema)
    .max(MAX_PLANS_PER_LICENSE, { error: `at most ${MAX_PLANS_PER_LICENSE} plans` })
    .refine(distinct, { error: "must not repeat a service plan" })
    .default([]),
});
export type AddLicense = z.infer<typeof addLicenseSchema>;

export const addLicensesSchema = z
  .array(addLicenseSchema)
  .max(MAX_LICENSES_PER_CALL, { error: `at most ${MAX_LICENSES_PER_CALL} licenses per call` })
  .refine((licenses) => distinct(licenses.map((license) => license.skuId)), { error: "must not repeat a skuId" });
