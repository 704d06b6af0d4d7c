import { z } from "zod";
import { subscriptionSchema } from "./billing.js";
import { isoDateTime, uuidSchema } from "./common.js";
import { LICENSE_ASSIGNMENT_STATES } from "./licenses.js";
import { licenseRequestSchema } from "./requests.js";

/** My account › Licenses: what the signed-in person holds, their trials, requests and self-service purchases. */
export const myLicenseSchema = z.object({
  skuId: uuidSchema,
  skuPartNumber: z.string(),
  productName: z.string(),
  state: z.enum(LICENSE_ASSIGNMENT_STATES),
  /** Assigned to them directly (not only through groups). */
  direct: z.boolean(),
  /** Groups they inherit it from. */
  groups: z.array(z.object({ id: uuidSchema, displayName: z.string() })),
  /** Backed by a trial only: when it ends. */
  trialEndsAt: isoDateTime.nullable(),
  /** With trialEndsAt: whole days left (rounded up), 0 once it ended. */
  trialDaysLeft: z.number().int().nullable(),
  /** A trial the person started just for themself: theirs alone, not in the admin center (no seat, no state). */
  individualTrial: z.boolean(),
  servicePlans: z.array(
    z.object({ servicePlanId: uuidSchema, servicePlanName: z.string(), displayName: z.string(), enabled: z.boolean() }),
  ),
});
export const myLicensesSchema = z.object({
  licenses: z.array(myLicenseSchema),
  requests: z.array(licenseRequestSchema),
  /** Self-service subscriptions they bought. */
  subscriptions: z.array(subscriptionSchema),
});
export type MyLicenses = z.infer<typeof myLicensesSchema>;
