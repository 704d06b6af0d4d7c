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

/**
 * The application permissions an app registration can be granted, named as Microsoft Graph names them, so a script
 * written for Graph asks for the same ones; the permission matrix maps each onto actions.
 */
export const APPLICATION_PERMISSIONS = [
  "User.Read.All",
  "User.ReadWrite.All",
  "Group.ReadWrite.All",
  "Directory.Read.All",
  "LicenseAssignment.ReadWrite.All",
  "Organization.Read.All",
] as const;
export type ApplicationPermission = (typeof APPLICATION_PERMISSIONS)[number];

/** The application permissions among stored names, in the catalog's order: a name no longer offered grants nothing. */
export function applicationPermissionsOf(stored: readonly string[]): ApplicationPermission[] {
  return APPLICATION_PERMISSIONS.filter((permission) => stored.includes(permission));
}
