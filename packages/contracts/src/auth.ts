import { ALL_ROLES, type Role } from "@allot/domain";
import { z } from "zod";
import { emailSchema, uuidSchema } from "./common.js";
import { passwordSchema } from "./users.js";

export const roleSchema = z.enum(ALL_ROLES as [Role, ...Role[]]);

export const loginRequestSchema = z.strictObject({
  email: emailSchema,
  // Bounded so a megabyte "password" cannot make argon2 the attack.
  password: z.string().min(1, { error: "must not be empty" }).max(256, { error: "must be at most 256 characters" }),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** A tenant the signed-in user can act in, and the roles that apply there (own or delegated through a partner). */
export const reachableTenantSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  domain: z.string(),
  kind: z.enum(["customer", "partner"]),
  access: z.enum(["member", "delegated"]),
  roles: z.array(roleSchema),
});
export type ReachableTenant = z.infer<typeof reachableTenantSchema>;

export const meSchema = z.object({
  user: z.object({
    id: uuidSchema,
    tenantId: uuidSchema,
    displayName: z.string(),
    email: z.string(),
    preferredLanguage: z.string().nullable(),
    /**
     * The password is a one-time one: until it is changed (POST /api/me/password), every other request answers 403
     * PasswordChangeRequired.
     */
    passwordChangeRequired: z.boolean(),
  }),
  tenants: z.array(reachableTenantSchema),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meSchema>;

/** Languages the portal speaks. */
export const LANGUAGES = ["en", "nl"] as const;
export const languageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof languageSchema>;

export const updateMeRequestSchema = z.strictObject({ preferredLanguage: languageSchema });
export type UpdateMeRequest = z.infer<typeof updateMeRequestSchema>;

/** Changing one's own password: the current one proves it is really you. */
export const changePasswordRequestSchema = z.strictObject({
  currentPassword: loginRequestSchema.shape.password,
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;
