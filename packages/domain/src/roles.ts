/**
 * Roles a user can hold in a tenant (DESIGN.md §2). Names follow Microsoft Entra's built-in roles so an admin who
 * knows Microsoft 365 recognises them.
 */
export const TENANT_ROLES = [
  "globalAdmin",
  "billingAdmin",
  "userAdmin",
  "licenseAdmin",
  "helpdeskAdmin",
  "serviceAdmin",
  "powerPlatformAdmin",
  "member",
] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** Roles a partner tenant's staff hold in a customer tenant through a delegated relationship. */
export const DELEGATED_ROLES = ["adminAgent", "helpdeskAgent", "salesAgent"] as const;
export type DelegatedRole = (typeof DELEGATED_ROLES)[number];

export type Role = TenantRole | DelegatedRole;
export const ALL_ROLES: readonly Role[] = [...TENANT_ROLES, ...DELEGATED_ROLES];

/** Admin roles: everything a user can hold except plain membership. */
export const ADMIN_ROLES: readonly TenantRole[] = TENANT_ROLES.filter((role) => role !== "member");

export function isAdminRole(role: Role): boolean {
  return role !== "member";
}
