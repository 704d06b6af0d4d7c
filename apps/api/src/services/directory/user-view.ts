import { USER_DIRECTORY_FIELDS, type User, type UserDirectoryFields, type UserLicense } from "@allot/contracts";
import type { Prisma } from "@allot/db";

/** The directory fields' columns, selected by name (Prisma's select shape). */
const directorySelect = Object.fromEntries(USER_DIRECTORY_FIELDS.map((field) => [field, true])) as {
  [Field in keyof UserDirectoryFields]: true;
};

/** The columns a User payload is built from; one select shared by every users service. */
export const userSelect = {
  id: true,
  tenantId: true,
  displayName: true,
  email: true,
  userType: true,
  usageLocation: true,
  accountEnabled: true,
  createdAt: true,
  lastSignInAt: true,
  deletedAt: true,
  ...directorySelect,
  roleAssignments: { select: { role: true } },
  // Licenses in effect: a product held directly and through a group counts once; one in error not at all.
  licenseAssignments: {
    where: { state: { not: "error" } },
    select: {
      productId: true,
      assignedByGroupId: true,
      createdAt: true,
      product: { select: { skuId: true, skuPartNumber: true, displayName: true } },
    },
  },
} satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

/** A product a user holds, as the list statement's JSON yields it (dates as text). */
export interface UserLicenseColumns {
  skuId: string;
  skuPartNumber: string;
  displayName: string;
  direct: boolean;
  inherited: boolean;
  assignedAt: string | Date;
}

/** A user's columns with its roles and licenses, as both the Prisma reads and the list statement yield them. */
export interface UserColumns extends UserDirectoryFields {
  id: string;
  tenantId: string;
  displayName: string;
  email: string;
  userType: "member" | "guest";
  usageLocation: string | null;
  accountEnabled: boolean;
  createdAt: Date;
  lastSignInAt: Date | null;
  deletedAt: Date | null;
  roles: User["roles"];
  licenses: UserLicenseColumns[];
}

export function userFromColumns(row: UserColumns): User {
  return {
    id: row.id,
    tenantId: row.tenantId,
    displayName: row.displayName,
    email: row.email,
    userType: row.userType,
    usageLocation: row.usageLocation,
    accountEnabled: row.accountEnabled,
    roles: row.roles,
    licenseCount: row.licenses.length,
    licenses: row.licenses.map(
      (license): UserLicense => ({ ...license, assignedAt: new Date(license.assignedAt).toISOString() }),
    ),
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    ...directoryFieldsOf(row),
  };
}

/** The directory fields of a row or a request, and nothing else of it (a field left out is null). */
export function directoryFieldsOf(row: Partial<Record<keyof UserDirectoryFields, string | null>>): UserDirectoryFields {
  // A plain loop: this runs for every row of every users page (Object.fromEntries over mapped pairs allocated a
  // pair per field per row).
  const fields: Partial<Record<keyof UserDirectoryFields, string | null>> = {};
  for (const field of USER_DIRECTORY_FIELDS) fields[field] = row[field] ?? null;
  return fields as UserDirectoryFields;
}

export function toUser({ roleAssignments, licenseAssignments, ...row }: UserRow): User {
  // Per product: held directly, through a group, or both; since its earliest assignment.
  const byProduct = new Map<string, UserLicenseColumns & { assignedAt: Date }>();
  for (const assignment of licenseAssignments) {
    const direct = assignment.assignedByGroupId === null;
    const held = byProduct.get(assignment.productId);
    if (!held) {
      byProduct.set(assignment.productId, {
        ...assignment.product,
        direct,
        inherited: !direct,
        assignedAt: assignment.createdAt,
      });
      continue;
    }
    held.direct ||= direct;
    held.inherited ||= !direct;
    if (assignment.createdAt < held.assignedAt) held.assignedAt = assignment.createdAt;
  }
  const licenses = [...byProduct.values()].sort(
    (a, b) => compareText(a.displayName, b.displayName) || compareText(a.skuId, b.skuId),
  );
  return userFromColumns({ ...row, roles: roleAssignments.map((r) => r.role), licenses });
}

/** Byte order, as PostgreSQL's C collation and the list statement sort product names. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
