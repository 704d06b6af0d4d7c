import type { createUserRequestSchema } from "@allot/contracts";
import type { z } from "zod";
import type { ChosenLicenses } from "@/components/licensing/license-picker";
import { directoryInput } from "./directory-draft";

/** What the Add a user form holds. */
export interface NewUserDraft {
  /** First and last name: optional, as in Microsoft 365. */
  givenName: string;
  surname: string;
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
  givenName: "",
  surname: "",
  displayName: "",
  email: "",
  usageLocation: null,
  userType: "member",
  blockSignIn: false,
  passwordMode: "auto",
  password: "",
};

/** Licenses chosen for the new user: per skuId, the apps (service plans) switched off. */
export type { ChosenLicenses };

/** A create-user request that passed the API's schema (its defaults filled in). */
export type NewUserRequest = z.output<typeof createUserRequestSchema>;

/**
 * The form and the licenses chosen beside it as the API's create-user request, for its schema to check. A typed
 * password is sent only when the admin chose to type one.
 */
export function newUserInput(draft: NewUserDraft, licenses: ChosenLicenses): z.input<typeof createUserRequestSchema> {
  return {
    displayName: draft.displayName,
    email: draft.email,
    usageLocation: draft.usageLocation,
    userType: draft.userType,
    accountEnabled: !draft.blockSignIn,
    password: draft.passwordMode === "own" ? draft.password : undefined,
    assignedLicenses: [...licenses].map(([skuId, off]) => ({ skuId, disabledPlans: [...off] })),
    ...directoryInput({ givenName: draft.givenName, surname: draft.surname }),
  };
}
