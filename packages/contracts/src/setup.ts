import { z } from "zod";
import { emailSchema, text, usageLocationSchema, uuidSchema } from "./common.js";

/**
 * First-run setup: a production start on an empty database creates its first organization and global admin here
 * (or with `pnpm allot-setup`), allowed only while no organization exists, from the server itself (127.0.0.1),
 * with the one-time token the start printed in its log.
 */

/** A DNS name such as contoso.com: what the organization's sign-in names end in. */
export const tenantDomainSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, { error: "must be at most 253 characters" })
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, {
    error: "must be a domain name such as contoso.com",
  });

export const setupRequestSchema = z.strictObject({
  organizationName: text(256),
  domain: tenantDomainSchema,
  adminDisplayName: text(256),
  adminEmail: emailSchema,
  /** Where the admin works (ISO 3166-1 alpha-2), needed before a license can be assigned to them; optional. */
  usageLocation: usageLocationSchema.default(null),
});
export type SetupRequest = z.input<typeof setupRequestSchema>;

export const setupResultSchema = z.object({
  tenantId: uuidSchema,
  adminUserId: uuidSchema,
  adminEmail: z.string(),
  /** Shown once: the admin signs in with it and must choose a new password at once (PasswordChangeRequired). */
  oneTimePassword: z.string(),
});
export type SetupResult = z.infer<typeof setupResultSchema>;

/** Whether this portal still waits for its first organization (the sign-in page then says how to set it up). */
export const setupStatusSchema = z.object({ required: z.boolean() });
export type SetupStatus = z.infer<typeof setupStatusSchema>;
