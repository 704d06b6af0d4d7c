import { z } from "zod";
import { emailSchema, text } from "./common.js";
import { COUNTRY_CODES } from "./countries.js";

/**
 * The directory fields a user carries besides name, sign-in name and usage location: those of Microsoft 365's
 * "Add multiple users" template, under Microsoft Graph's names (one per value: `businessPhone` and
 * `alternateEmail` are Graph's `businessPhones[0]` and `otherMails[0]`). All optional; null means not set.
 */
export const USER_DIRECTORY_FIELDS = [
  "givenName",
  "surname",
  "jobTitle",
  "department",
  "officeLocation",
  "businessPhone",
  "mobilePhone",
  "faxNumber",
  "alternateEmail",
  "streetAddress",
  "city",
  "state",
  "postalCode",
  "country",
] as const;
export type UserDirectoryField = (typeof USER_DIRECTORY_FIELDS)[number];

/** Graph's limits where it has one, else a bound a person's value never reaches. */
export const USER_DIRECTORY_FIELD_MAX: Record<Exclude<UserDirectoryField, "country" | "alternateEmail">, number> = {
  givenName: 64,
  surname: 64,
  jobTitle: 128,
  department: 64,
  officeLocation: 128,
  businessPhone: 64,
  mobilePhone: 64,
  faxNumber: 64,
  streetAddress: 1024,
  city: 128,
  state: 128,
  postalCode: 40,
};

/** A country or region: an ISO 3166-1 alpha-2 code, like usageLocation. */
export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => COUNTRY_CODES.has(code), { error: "must be an ISO 3166-1 alpha-2 country code" });

const optionalText = (max: number) => text(max).nullable().optional();

/** The directory fields as a request sends them: each optional (unchanged) or null (cleared). */
export const userDirectoryFieldsInputSchema = z.strictObject({
  givenName: optionalText(USER_DIRECTORY_FIELD_MAX.givenName),
  surname: optionalText(USER_DIRECTORY_FIELD_MAX.surname),
  jobTitle: optionalText(USER_DIRECTORY_FIELD_MAX.jobTitle),
  department: optionalText(USER_DIRECTORY_FIELD_MAX.department),
  officeLocation: optionalText(USER_DIRECTORY_FIELD_MAX.officeLocation),
  businessPhone: optionalText(USER_DIRECTORY_FIELD_MAX.businessPhone),
  mobilePhone: optionalText(USER_DIRECTORY_FIELD_MAX.mobilePhone),
  faxNumber: optionalText(USER_DIRECTORY_FIELD_MAX.faxNumber),
  alternateEmail: emailSchema.nullable().optional(),
  streetAddress: optionalText(USER_DIRECTORY_FIELD_MAX.streetAddress),
  city: optionalText(USER_DIRECTORY_FIELD_MAX.city),
  state: optionalText(USER_DIRECTORY_FIELD_MAX.state),
  postalCode: optionalText(USER_DIRECTORY_FIELD_MAX.postalCode),
  country: countrySchema.nullable().optional(),
});
export type UserDirectoryFieldsInput = z.input<typeof userDirectoryFieldsInputSchema>;

/** The directory fields as the API answers them. */
export const userDirectoryFieldsSchema = z.object(
  Object.fromEntries(USER_DIRECTORY_FIELDS.map((field) => [field, z.string().nullable()])) as Record<
    UserDirectoryField,
    z.ZodNullable<z.ZodString>
  >,
);
export type UserDirectoryFields = z.infer<typeof userDirectoryFieldsSchema>;

/** Every directory field unset: a user before anyone filled them in (and a handy base for test users). */
export const NO_DIRECTORY_FIELDS: UserDirectoryFields = Object.freeze(
  Object.fromEntries(USER_DIRECTORY_FIELDS.map((field) => [field, null])) as UserDirectoryFields,
);
