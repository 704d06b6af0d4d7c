import type { User } from "@allot/contracts";
import type { Prisma } from "@allot/db";

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
  roleAssignments: { select: { role: true } },
  // Licenses in effect: a product held directly and through a group counts once; one in error not at all.
  licenseAssignments: { where: { state: { not: "error" } }, select: { productId: true } },
} satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

/** A user's columns with its roles and license count, as both the Prisma reads and the list statement yield them. */
export interface UserColumns {
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
  licenseCount: number;
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
    licenseCount: row.licenseCount,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}

export function toUser({ roleAssignments, licenseAssignments, ...row }: UserRow): User {
  return userFromColumns({
    ...row,
    roles: roleAssignments.map((r) => r.role),
    licenseCount: new Set(licenseAssignments.map((assignment) => assignment.productId)).size,
  });
}
