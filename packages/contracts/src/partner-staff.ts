import { DELEGATED_ROLES } from "@allot/domain";
import { z } from "zod";
import { cursorQuery, emailSchema, idInputSchema, isoDateTime, page, searchText, text, uuidSchema } from "./common.js";
import { passwordSchema, tenantRoleSchema } from "./users.js";

export const delegatedRoleSchema = z.enum(DELEGATED_ROLES);

/** A staff member's delegated roles in one customer, through the partner's relationship with it. */
export const staffCustomerAccessSchema = z.object({
  relationshipId: uuidSchema,
  customer: z.object({ tenantId: uuidSchema, name: z.string() }),
  /** Whether the relationship lets the roles work now (the customer has not removed the privileges, not ended). */
  grantsAccess: z.boolean(),
  roles: z.array(delegatedRoleSchema),
});
export type StaffCustomerAccess = z.infer<typeof staffCustomerAccessSchema>;

/** A member of a partner's staff: a user of the partner's own tenant. */
export const staffMemberSchema = z.object({
  id: uuidSchema,
  displayName: z.string(),
  email: z.string(),
  /** Roles in the partner's own tenant (globalAdmin, userAdmin, …); empty for a plain member. */
  roles: z.array(tenantRoleSchema),
  /** Customers in which the staff member holds delegated roles, by customer name. */
  customerAccess: z.array(staffCustomerAccessSchema),
  createdAt: isoDateTime,
  lastSignInAt: isoDateTime.nullable(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;
export const staffPageSchema = page(staffMemberSchema);
export type StaffPage = z.infer<typeof staffPageSchema>;

export const listStaffQuerySchema = z.strictObject({
  search: searchText.describe("Part of the staff member's name or email.").optional(),
  ...cursorQuery,
});

/** A new staff member: an account in the partner's tenant, its email in the partner's domain. */
export const addStaffRequestSchema = z.strictObject({
  displayName: text(256),
  email: emailSchema,
  /** Omit to have a temporary password generated and returned once. */
  password: passwordSchema.optional(),
});
export type AddStaffRequest = z.input<typeof addStaffRequestSchema>;

export const addedStaffSchema = staffMemberSchema.extend({
  /** Shown once to the admin who added the staff member; null when the admin chose the password. */
  temporaryPassword: z.string().nullable(),
});
export type AddedStaff = z.infer<typeof addedStaffSchema>;

export const updateStaffRequestSchema = z.strictObject({ displayName: text(256) });
export type UpdateStaffRequest = z.infer<typeof updateStaffRequestSchema>;

export const staffParamsSchema = z.strictObject({ partnerTenantId: idInputSchema, userId: idInputSchema });
export const staffAccessParamsSchema = z.strictObject({
  partnerTenantId: idInputSchema,
  userId: idInputSchema,
  relationshipId: idInputSchema,
});

/** The delegated roles to hold, replacing those held (none: no access). Duplicates are ignored. */
export const setStaffAccessRequestSchema = z.strictObject({
  roles: z
    .array(delegatedRoleSchema)
    .max(DELEGATED_ROLES.length * 2, { error: "must list each role at most once" })
    .transform((roles) => DELEGATED_ROLES.filter((role) => roles.includes(role))),
});
export type SetStaffAccessRequest = z.input<typeof setStaffAccessRequestSchema>;
