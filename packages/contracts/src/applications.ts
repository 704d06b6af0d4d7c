import { ACTIONS, APPLICATION_PERMISSIONS } from "@allot/domain";
import { z } from "zod";
import { idInputSchema, isoDateTime, uuidSchema } from "./common.js";

/** Settings › App registrations: scripts and integrations that sign in as themselves. */
export const applicationPermissionSchema = z.enum(APPLICATION_PERMISSIONS);

const displayName = z.string().trim().min(1, "Give it a name.").max(120);

/** A client secret as listed: never its text, which is shown once when it is made. */
export const applicationSecretSchema = z.object({
  id: uuidSchema,
  displayName: z.string(),
  /** The secret's first three characters, to tell secrets apart. */
  hint: z.string(),
  expiresAt: isoDateTime,
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
});
export type ApplicationSecret = z.infer<typeof applicationSecretSchema>;

export const applicationSchema = z.object({
  id: uuidSchema,
  /** The client id a script sends as `client_id`. */
  appId: uuidSchema,
  displayName: z.string(),
  permissions: z.array(applicationPermissionSchema),
  enabled: z.boolean(),
  createdAt: isoDateTime,
  /** When one of its tokens was last used (or a token last issued). */
  lastUsedAt: isoDateTime.nullable(),
  secrets: z.array(applicationSecretSchema),
});
export type Application = z.infer<typeof applicationSchema>;

const permissions = z
  .array(applicationPermissionSchema)
  .max(APPLICATION_PERMISSIONS.length)
  .refine((list) => new Set(list).size === list.length, "Name each permission once.");

export const createApplicationSchema = z.strictObject({ displayName, permissions });
export type CreateApplication = z.infer<typeof createApplicationSchema>;

export const updateApplicationSchema = z
  .strictObject({
    displayName: displayName.optional(),
    permissions: permissions.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, "Change at least one of displayName, permissions, enabled.");
export type UpdateApplication = z.infer<typeof updateApplicationSchema>;

export const applicationListSchema = z.object({ applications: z.array(applicationSchema) });

/** Entra allows client secrets of up to 24 months; 180 days is its recommended default. */
export const MAX_SECRET_DAYS = 730;
export const DEFAULT_SECRET_DAYS = 180;

export const createSecretSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(120).optional(),
  expiresInDays: z.number().int().min(1).max(MAX_SECRET_DAYS).optional(),
});
export type CreateSecret = z.infer<typeof createSecretSchema>;

/** The one answer that carries the secret's text. */
export const createdSecretSchema = z.object({ id: uuidSchema, secretText: z.string(), expiresAt: isoDateTime });
export type CreatedSecret = z.infer<typeof createdSecretSchema>;

/** The public identity of a new app: `{id, appId, displayName, permissions}` as the contract names it. */
export const createdApplicationSchema = applicationSchema.pick({
  id: true,
  appId: true,
  displayName: true,
  permissions: true,
});

// ───────── Personal access tokens (My account › Tokens) ─────────

export const MAX_TOKEN_DAYS = 90;

export const tokenScopeSchema = z.enum(ACTIONS);

export const personalTokenSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  scopes: z.array(tokenScopeSchema),
  hint: z.string(),
  expiresAt: isoDateTime,
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
});
export type PersonalToken = z.infer<typeof personalTokenSchema>;

export const createPersonalTokenSchema = z.strictObject({
  name: z.string().trim().min(1, "Give it a name.").max(120),
  scopes: z
    .array(tokenScopeSchema)
    .min(1, "Choose at least one right.")
    .refine((list) => new Set(list).size === list.length, "Name each right once."),
  expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(30),
});
export type CreatePersonalToken = z.input<typeof createPersonalTokenSchema>;

export const personalTokenListSchema = z.object({ tokens: z.array(personalTokenSchema) });

/** The one answer that carries the token's text. */
export const createdPersonalTokenSchema = personalTokenSchema.extend({ token: z.string() });
export type CreatedPersonalToken = z.infer<typeof createdPersonalTokenSchema>;

// ───────── OAuth 2.0 token endpoint (RFC 6749 §4.4, §5) ─────────

/** The scope every client-credentials request names: the whole API, with the app's granted permissions. */
export const ALLOT_API_SCOPE = "api://allot/.default";

export const tokenResponseSchema = z.object({
  token_type: z.literal("Bearer"),
  expires_in: z.number().int(),
  access_token: z.string(),
});

export const OAUTH_ERRORS = [
  "invalid_request",
  "invalid_client",
  "invalid_grant",
  "unauthorized_client",
  "unsupported_grant_type",
  "invalid_scope",
  "temporarily_unavailable",
] as const;
export const oauthErrorSchema = z.object({
  error: z.enum(OAUTH_ERRORS),
  error_description: z.string(),
});

// ───────── Path parameters ─────────

export const applicationParamsSchema = z.strictObject({ tenantId: idInputSchema, applicationId: idInputSchema });
export const applicationSecretParamsSchema = z.strictObject({
  tenantId: idInputSchema,
  applicationId: idInputSchema,
  secretId: idInputSchema,
});
export const personalTokenParamsSchema = z.strictObject({ tokenId: idInputSchema });
