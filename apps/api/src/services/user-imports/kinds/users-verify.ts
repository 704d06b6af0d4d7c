import {
  emailSchema,
  USER_DIRECTORY_FIELD_MAX,
  USER_DIRECTORY_FIELDS,
  type UserDirectoryField,
  type UserImportProblem,
  type UserTemplateField,
} from "@allot/contracts";
import type { CsvFile } from "../../../lib/csv-read.js";
import type { TenantContext } from "../../../types.js";
import type { VerifiedRow } from "./kind.js";
import { countryCode, type TemplateColumn, templateColumns } from "./user-columns.js";

/** Graph's limit of a display name, as the create-user route has it. */
const DISPLAY_NAME_MAX = 256;

/** What a users row stores: the values it sets (null: the cell is empty and leaves the field as it is). */
export interface UsersRowData {
  values: Partial<Record<UserTemplateField, string>>;
  /** The existing user's usage location, so that a preview can set the option's for users that have none. */
  existingUsageLocation?: string | null;
  /** What verify found the row changes on the existing user (a preview adds the options' changes to these). */
  verifiedChanges: string[];
}

type ExistingUser = { id: string; tenantId: string; email: string; deletedAt: Date | null } & Record<
  "displayName" | UserDirectoryField,
  string | null
> & { usageLocation: string | null };

/** Reads the template's columns and checks every row; looks up each User Name's account (emails are global). */
export async function verifyUsers(ctx: TenantContext, file: CsvFile): Promise<VerifiedRow[]> {
  const columns = templateColumns(file.header, file.headerLine);
  const upnColumn = columns.find((column) => column.field === "userPrincipalName") as TemplateColumn;
  const parsed = file.records.map((record) => parseRow(record.line, record.fields, columns, file.header.length));
  const names = [...new Set(parsed.flatMap((row) => (row.upn ? [row.upn] : [])))];
  const existing = new Map<string, ExistingUser>();
  for (let start = 0; start < names.length; start += 10_000) {
    const users = await ctx.db.user.findMany({
      where: { email: { in: names.slice(start, start + 10_000) } },
      select: {
        id: true,
        tenantId: true,
        email: true,
        deletedAt: true,
        displayName: true,
        usageLocation: true,
        ...Object.fromEntries(USER_DIRECTORY_FIELDS.map((field) => [field, true])),
      },
    });
    for (const user of users) existing.set(user.email, user as unknown as ExistingUser);
  }
  const firstLine = new Map<string, number>();
  return parsed.map((row): VerifiedRow => {
    const problems = [...row.problems];
    const problem = (code: string, message: string) =>
      problems.push({ line: row.line, column: upnColumn.header, code, message });
    const user = row.upn ? existing.get(row.upn) : undefined;
    let existingUserId: string | null = null;
    if (row.upn) {
      const earlier = firstLine.get(row.upn);
      if (earlier !== undefined) problem("DuplicateUserName", `${row.upn} is on line ${earlier} already.`);
      else firstLine.set(row.upn, row.line);
      if (user && (user.tenantId !== ctx.tenantId || user.deletedAt)) {
        problem(
          "UserNameTaken",
          user.tenantId === ctx.tenantId
            ? `${row.upn} belongs to a deleted user of this organization: restore that user instead.`
            : `${row.upn} is already used by another account.`,
        );
      } else if (user) existingUserId = user.id;
    }
    const values =
      existingUserId || !row.derivedDisplayName ? row.values : { ...row.values, displayName: row.derivedDisplayName };
    const changes = existingUserId && user ? changesOf(values, user) : [];
    if (!existingUserId && !values.displayName) {
      const column = columns.find((c) => c.field === "displayName")?.header ?? "Display Name";
      problems.push({
        line: row.line,
        column,
        code: "Required",
        message: "A new user needs a display name (or a first and a last name).",
      });
    }
    const data: UsersRowData = {
      values,
      verifiedChanges: changes,
      ...(user && existingUserId ? { existingUsageLocation: user.usageLocation } : {}),
    };
    return {
      line: row.line,
      userPrincipalName: row.upn ?? row.rawUpn,
      displayName: values.displayName ?? user?.displayName ?? null,
      product: null,
      data: data as unknown as Record<string, unknown>,
      problems,
      existingUserId,
      action:
        problems.length > 0 ? "refuse" : existingUserId ? (changes.length > 0 ? "update" : "unchanged") : "create",
      changes,
    };
  });
}

interface ParsedRow {
  line: number;
  rawUpn: string;
  upn: string | null;
  values: Partial<Record<UserTemplateField, string>>;
  /** "First Last" when the row names both but no display name: a new user's name (an existing one keeps its own). */
  derivedDisplayName: string | null;
  problems: UserImportProblem[];
}

function parseRow(line: number, fields: string[], columns: TemplateColumn[], headerWidth: number): ParsedRow {
  const problems: UserImportProblem[] = [];
  const values: Partial<Record<UserTemplateField, string>> = {};
  const add = (column: string | null, code: string, message: string) => problems.push({ line, column, code, message });
  if (fields.slice(headerWidth).some((extra) => extra.trim() !== "")) {
    add(null, "TooManyColumns", `The row has ${fields.length} values, the header ${headerWidth} columns.`);
  }
  let upn: string | null = null;
  let rawUpn = "";
  for (const column of columns) {
    const value = (fields[column.index] ?? "").trim();
    if (column.field === "userPrincipalName") {
      rawUpn = value;
      if (value === "") add(column.header, "Required", "The User Name (the sign-in email address) is required.");
      else {
        const email = emailSchema.safeParse(value);
        if (email.success) upn = email.data;
        else add(column.header, "InvalidEmail", `"${value}" is not an email address.`);
      }
      continue;
    }
    if (value === "") continue;
    if (column.field === "country") {
      const code = countryCode(value);
      if (code) values.country = code;
      else
        add(
          column.header,
          "UnknownCountry",
          `"${value}" is no country or region we know (use e.g. NL or Netherlands).`,
        );
      continue;
    }
    if (column.field === "alternateEmail") {
      const email = emailSchema.safeParse(value);
      if (email.success) values.alternateEmail = email.data;
      else add(column.header, "InvalidEmail", `"${value}" is not an email address.`);
      continue;
    }
    const max = column.field === "displayName" ? DISPLAY_NAME_MAX : USER_DIRECTORY_FIELD_MAX[column.field];
    if (value.length > max) add(column.header, "TooLong", `At most ${max} characters (this has ${value.length}).`);
    else values[column.field] = value;
  }
  const derivedDisplayName =
    !values.displayName && values.givenName && values.surname
      ? `${values.givenName} ${values.surname}`.slice(0, DISPLAY_NAME_MAX)
      : null;
  return { line, rawUpn, upn, values, derivedDisplayName, problems };
}

const FIELD_LABELS: Record<Exclude<UserTemplateField, "userPrincipalName">, string> = {
  displayName: "Display name",
  givenName: "First name",
  surname: "Last name",
  jobTitle: "Job title",
  department: "Department",
  officeLocation: "Office",
  businessPhone: "Office phone",
  mobilePhone: "Mobile phone",
  faxNumber: "Fax",
  alternateEmail: "Alternate email address",
  streetAddress: "Address",
  city: "City",
  state: "State or province",
  postalCode: "ZIP or postal code",
  country: "Country or region",
};

/** The fields a row changes on an existing user, as "Job title: Engineer → Manager". Empty cells change nothing. */
function changesOf(values: UsersRowData["values"], user: ExistingUser): string[] {
  const changes: string[] = [];
  for (const [field, label] of Object.entries(FIELD_LABELS) as Array<[keyof typeof FIELD_LABELS, string]>) {
    const value = values[field];
    if (value === undefined || value === user[field]) continue;
    changes.push(`${label}: ${user[field] ?? "(none)"} → ${value}`);
  }
  return changes;
}
