import { createUserRequestSchema } from "@allot/contracts";
import type { z } from "zod";
import type { Messages } from "@/lib/i18n";
import { type FieldErrors, fieldErrorsFromZod } from "@/lib/validation";

/** What the Add a user form holds. */
export interface NewUserDraft {
  displayName: string;
  email: string;
  usageLocation: string | null;
  userType: "member" | "guest";
  blockSignIn: boolean;
  /** A generated temporary password, or one the admin types. */
  passwordMode: "auto" | "own";
  password: string;
}

/** The form as it opens. */
export const EMPTY_NEW_USER: NewUserDraft = {
  displayName: "",
  email: "",
  usageLocation: null,
  userType: "member",
  blockSignIn: false,
  passwordMode: "auto",
  password: "",
};

/** Licenses chosen for the new user: per skuId, the apps (service plans) switched off. */
export type ChosenLicenses = ReadonlyMap<string, ReadonlySet<string>>;

/** A create-user request that passed the API's schema (its defaults filled in). */
export type NewUserRequest = z.output<typeof createUserRequestSchema>;

/**
 * The form as the API's create-user request, checked with the API's own schema: the request, or the first problem
 * per field in the user's language. A typed password is sent only when the admin chose to type one.
 */
export function parseNewUser(
  draft: NewUserDraft,
  licenses: ChosenLicenses,
  t: Messages,
): { ok: true; request: NewUserRequest } | { ok: false; errors: FieldErrors } {
  const parsed = createUserRequestSchema.safeParse({
    displayName: draft.displayName,
    email: draft.email,
    usageLocation: draft.usageLocation,
    userType: draft.userType,
    accountEnabled: !draft.blockSignIn,
    password: draft.passwordMode === "own" ? draft.password : undefined,
    assignedLicenses: [...licenses].map(([skuId, off]) => ({ skuId, disabledPlans: [...off] })),
  });
  return parsed.success
    ? { ok: true, request: parsed.data }
    : { ok: false, errors: fieldErrorsFromZod(parsed.error, t) };
}
