import type { StaffMember } from "@allot/contracts";
import { can, canManageStaffMember, DELEGATED_ROLES, type DelegatedRole, type Role } from "@allot/domain";

/** A customer as the Customer access dialog offers it: its relationship, and whether that grants access now. */
export interface AccessCustomer {
  relationshipId: string;
  tenantId: string;
  name: string;
  grantsAccess: boolean;
}

/** The dialog's choice of where roles are set: "all", or one customer's relationship id. */
export type ScopeValue = "all" | (string & {});

/**
 * The roles the dialog starts from for a scope: those held in that customer; for all customers, those held in every
 * customer whose relationship grants access (what "for all" would leave as it is), none when there is no such customer.
 */
export function rolesInScope(
  member: Pick<StaffMember, "customerAccess">,
  scope: ScopeValue,
  customers: readonly AccessCustomer[],
): DelegatedRole[] {
  const held = (relationshipId: string) =>
    member.customerAccess.find((access) => access.relationshipId === relationshipId)?.roles ?? [];
  if (scope !== "all") return held(scope);
  const granting = customers.filter((customer) => customer.grantsAccess);
  if (granting.length === 0) return [];
  return DELEGATED_ROLES.filter((role) => granting.every((customer) => held(customer.relationshipId).includes(role)));
}

/** What the signed-in person may do with a staff member's row, from the permission matrix. */
export function staffRowActions(
  callerRoles: readonly Role[],
  callerId: string,
  member: Pick<StaffMember, "id" | "roles">,
): { access: boolean; remove: boolean } {
  return {
    access: can(callerRoles, "partnerAccess.grant"),
    // Nobody removes themself (the API answers CannotDeleteSelf); a user admin only staff without an admin role.
    remove: member.id !== callerId && canManageStaffMember(callerRoles, member.roles.length > 0),
  };
}
