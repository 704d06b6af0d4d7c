import type { StaffMember } from "@allot/contracts";
import type { Db, Prisma, Tx } from "@allot/db";
import { DELEGATED_ROLES, relationshipGrantsAccess, TENANT_ROLES } from "@allot/domain";
import { notFound } from "../../lib/app-error.js";

/** What a staff member's row in the partner center is built from. */
export const staffSelect = {
  id: true,
  displayName: true,
  email: true,
  createdAt: true,
  lastSignInAt: true,
  roleAssignments: { select: { role: true } },
  delegatedAccess: {
    select: {
      role: true,
      relationship: {
        select: { id: true, status: true, endsAt: true, customerTenant: { select: { id: true, name: true } } },
      },
    },
  },
} satisfies Prisma.UserSelect;
type StaffRow = Prisma.UserGetPayload<{ select: typeof staffSelect }>;

/** The partner's live staff: users of its own tenant that are not deleted. */
export function staffWhere(partnerTenantId: string): Prisma.UserWhereInput {
  return { tenantId: partnerTenantId, deletedAt: null };
}

export function toStaffMember(row: StaffRow, now: Date): StaffMember {
  const access = new Map<string, StaffMember["customerAccess"][number]>();
  for (const { role, relationship } of row.delegatedAccess) {
    const entry = access.get(relationship.id) ?? {
      relationshipId: relationship.id,
      customer: { tenantId: relationship.customerTenant.id, name: relationship.customerTenant.name },
      grantsAccess: relationshipGrantsAccess(relationship, now),
      roles: [],
    };
    entry.roles.push(role);
    access.set(relationship.id, entry);
  }
  const customerAccess = [...access.values()].sort(
    (a, b) => a.customer.name.localeCompare(b.customer.name) || a.relationshipId.localeCompare(b.relationshipId),
  );
  for (const entry of customerAccess) {
    entry.roles.sort((a, b) => DELEGATED_ROLES.indexOf(a) - DELEGATED_ROLES.indexOf(b));
  }
  return {
    id: row.id,
    displayName: row.displayName,
    email: row.email,
    roles: row.roleAssignments.map((r) => r.role).sort((a, b) => TENANT_ROLES.indexOf(a) - TENANT_ROLES.indexOf(b)),
    customerAccess,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}

/** One live staff member of the partner, or 404 (another tenant's user, or a deleted one, is no staff here). */
export async function loadStaffMember(
  db: Pick<Db | Tx, "user">,
  partnerTenantId: string,
  userId: string,
  now: Date,
): Promise<StaffMember> {
  const row = await db.user.findFirst({ where: { id: userId, ...staffWhere(partnerTenantId) }, select: staffSelect });
  if (!row) throw notFound("Staff member");
  return toStaffMember(row, now);
}
