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
  _count: { select: { licenseAssignments: true } },
} satisfies Prisma.UserSelect;

export type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    tenantId: row.tenantId,
    displayName: row.displayName,
    email: row.email,
    userType: row.userType,
    usageLocation: row.usageLocation,
    accountEnabled: row.accountEnabled,
    roles: row.roleAssignments.map((r) => r.role),
    licenseCount: row._count.licenseAssignments,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
  };
}
