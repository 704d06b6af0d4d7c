import type { ApplicationPermission, Role } from "./roles.js";

/**
 * Everything a role may do in a tenant. The first six rows are DESIGN.md §2's table, column by column; the read
 * rights below them are what each role needs to see the pages its write rights act on.
 */
export const ACTIONS = [
  "licenses.assign", // assign / remove licenses, switch service plans
  "billing.manage", // buy / change seats, auto-renew, cancel
  "billing.read", // see subscriptions, orders and invoices
  "billing.selfServicePurchase", // buy a subscription for oneself
  "users.manage", // create, edit, delete, restore users
  "users.resetPassword", // reset another user's password (see canResetPassword for whose)
  "requests.approve", // approve or deny license requests
  "requests.create", // ask an admin for a license
  "directory.read", // list users, groups and licenses in the admin center
  "audit.read", // read the audit log
  "relationships.manage", // see partners' delegated access, remove and reinstate it (the organization's own admin)
  // The partner center, in a partner's own tenant (its staff's own roles there; no customer's role reaches them):
  "partnerStaff.manage", // list, add, edit and remove the partner's staff (see canManageStaffMember for whom)
  "partnerAccess.grant", // give staff delegated roles in customers: per customer or for all of them
  "partnerCenter.seeAll", // every customer and every staff member's activity, not only the caller's own
  // Power Platform (seed 004):
  "powerPlatform.manage", // environments, capacity allocation, machines, DLP policies, any flow's license mode
  "powerPlatform.buy", // buy Power Platform products (Power Automate, Power BI, Power Apps) and no others
  "flows.create", // own flows: create them and edit one's own (makers; owners and co-owners edit theirs)
  // Last, as it was split from users.manage when apps got Graph's Group.ReadWrite.All (a right to groups, not users):
  "groups.manage", // create, rename and delete groups, their members and their licenses
  "applications.manage", // register apps for scripts, grant them permissions, make and revoke their secrets
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * One right of a personal access token (`scope:licenses.assign`), or the mark that its person is a full admin
 * (`scope:fullAdmin`): a token grants exactly the scopes it carries that its person's roles grant.
 */
export type TokenScope = `scope:${Action}` | "scope:fullAdmin";

/** Who is granted rights: a person's (or agent's) role, an app registration's Graph permission, a token's scope. */
export type Grantee = Role | ApplicationPermission | TokenScope;

type Matrix = Readonly<Record<Exclude<Grantee, TokenScope>, ReadonlySet<Action>>>;

const GLOBAL_ADMIN: ReadonlySet<Action> = new Set<Action>([
  "licenses.assign",
  "billing.manage",
  "billing.read",
  "billing.selfServicePurchase",
  "users.manage",
  "users.resetPassword",
  "requests.approve",
  "requests.create",
  "directory.read",
  "audit.read",
  "relationships.manage",
  "groups.manage",
  "applications.manage",
  "partnerStaff.manage",
  "partnerAccess.grant",
  "partnerCenter.seeAll",
  "powerPlatform.manage",
  "powerPlatform.buy",
  "flows.create",
]);
const BILLING_ADMIN: ReadonlySet<Action> = new Set<Action>([
  "billing.manage",
  "billing.read",
  "requests.create",
  "directory.read",
  "flows.create",
]);
const HELPDESK_ADMIN: ReadonlySet<Action> = new Set<Action>([
  "users.resetPassword",
  "requests.create",
  "directory.read",
]);

/** Rights a delegated role never carries, even an admin agent's "as the global admin". */
const NOT_DELEGATED: ReadonlySet<Action> = new Set<Action>([
  "relationships.manage",
  "partnerStaff.manage",
  "partnerAccess.grant",
  "partnerCenter.seeAll",
  // Delegated agents act for the customer's admins; they own no flows in it.
  "flows.create",
  // An app's secret would outlive the relationship it was made under: only the customer's own admin registers apps.
  "applications.manage",
]);

/** The permission matrix: the one place that says what each role may do, used by the API and by the web app. */
export const PERMISSIONS: Matrix = {
  globalAdmin: GLOBAL_ADMIN,
  billingAdmin: BILLING_ADMIN,
  userAdmin: new Set<Action>([
    "licenses.assign",
    "users.manage",
    "users.resetPassword",
    "requests.approve",
    "requests.create",
    "directory.read",
    "flows.create",
    "groups.manage",
    // The partner's "user management admin": manages staff, but gives no one access to a customer.
    "partnerStaff.manage",
  ]),
  licenseAdmin: new Set<Action>([
    "licenses.assign",
    "requests.approve",
    "requests.create",
    "directory.read",
    "flows.create",
  ]),
  helpdeskAdmin: new Set<Action>([...HELPDESK_ADMIN, "flows.create"]),
  serviceAdmin: new Set<Action>(["requests.create", "directory.read", "flows.create"]),
  // Entra's Power Platform admin: the Power Platform admin center, and buying its products (billing.manage is for
  // any product). It reads the directory to pick flows' owners and the users a run check is for.
  powerPlatformAdmin: new Set<Action>([
    "powerPlatform.manage",
    "powerPlatform.buy",
    "flows.create",
    "requests.create",
    "directory.read",
  ]),
  member: new Set<Action>(["billing.selfServicePurchase", "requests.create", "flows.create"]),
  // Delegated (partner) roles, as Partner Center has them: an admin agent acts as the customer's global admin; a
  // helpdesk agent resets passwords of non-admins and, as Partner Center lists helpdesk agents among the roles that
  // assign and revoke licenses, assigns and revokes them; a sales agent reads and buys subscriptions on behalf of the
  // customer and assigns and revokes licenses.
  // An admin agent acts as the global admin, except on the relationship its own access rests on: only the customer
  // removes or reinstates a partner's privileges. The partner center's rights are the partner's own roles', never a
  // customer's.
  adminAgent: new Set<Action>([...GLOBAL_ADMIN].filter((action) => !NOT_DELEGATED.has(action))),
  helpdeskAgent: new Set<Action>([...HELPDESK_ADMIN, "licenses.assign"]),
  salesAgent: new Set<Action>(["licenses.assign", "billing.manage", "billing.read", "directory.read"]),
  // App registrations' application permissions, as Microsoft Graph names them, each onto the actions its Graph
  // counterpart allows. None is a full admin: an app edits and licenses non-admin members only (see canActOnUser and
  // canLicenseGuests), and no app reaches billing, the audit log, partners or the Power Platform.
  "User.Read.All": new Set<Action>(["directory.read"]),
  "User.ReadWrite.All": new Set<Action>(["directory.read", "users.manage"]),
  "Group.ReadWrite.All": new Set<Action>(["directory.read", "groups.manage"]),
  "Directory.Read.All": new Set<Action>(["directory.read", "billing.read"]),
  "LicenseAssignment.ReadWrite.All": new Set<Action>(["directory.read", "licenses.assign"]),
  "Organization.Read.All": new Set<Action>(["billing.read"]),
};

const isTokenScope = (grantee: Grantee): grantee is TokenScope => grantee.startsWith("scope:");

/** Whether any of the given roles (or an app's permissions, or a token's scopes) grants the action. */
export function can(roles: readonly Grantee[], action: Action): boolean {
  return roles.some((role) => (isTokenScope(role) ? role === `scope:${action}` : PERMISSIONS[role].has(action)));
}

/** Every action the roles grant together, for the UI to decide what to show. */
export function allowedActions(roles: readonly Grantee[]): Action[] {
  return ACTIONS.filter((action) => can(roles, action));
}

/** Roles with every right in the tenant: they alone may act on other admins and on guests' licenses. */
const FULL_ADMIN_ROLES: ReadonlySet<Grantee> = new Set<Grantee>(["globalAdmin", "adminAgent", "scope:fullAdmin"]);

/**
 * The rights of a personal access token in a tenant: each scope it carries that the person's roles there grant, and
 * a full admin's standing on admins and guests (within those scopes). Services then check `can` as for anyone, so a
 * token never reaches past its scopes, also where a service checks a second right (licenses while creating a user).
 */
export function tokenGrantees(roles: readonly Grantee[], scopes: readonly Action[]): TokenScope[] {
  const granted: TokenScope[] = scopes.filter((scope) => can(roles, scope)).map((scope) => `scope:${scope}` as const);
  return roles.some((role) => FULL_ADMIN_ROLES.has(role)) ? [...granted, "scope:fullAdmin"] : granted;
}

/**
 * Whether an actor may act on a target user with an action that DESIGN.md §2 limits to non-admins for all but
 * full admins: user and helpdesk admins reset passwords of (and user admins manage) only users without an admin
 * role; a global admin (or admin agent) acts on anyone.
 */
function canActOnUser(actorRoles: readonly Grantee[], action: Action, targetIsAdmin: boolean): boolean {
  if (!can(actorRoles, action)) return false;
  return !targetIsAdmin || actorRoles.some((role) => FULL_ADMIN_ROLES.has(role));
}

export function canResetPassword(actorRoles: readonly Grantee[], targetIsAdmin: boolean): boolean {
  return canActOnUser(actorRoles, "users.resetPassword", targetIsAdmin);
}

/** Edit, delete or restore a user. */
export function canManageUser(actorRoles: readonly Grantee[], targetIsAdmin: boolean): boolean {
  return canActOnUser(actorRoles, "users.manage", targetIsAdmin);
}

/**
 * Edit or remove a member of a partner's staff: the partner's user admin only those without an admin role in the
 * partner's tenant, its global admin anyone.
 */
export function canManageStaffMember(actorRoles: readonly Grantee[], targetIsAdmin: boolean): boolean {
  return canActOnUser(actorRoles, "partnerStaff.manage", targetIsAdmin);
}

/**
 * Set a user's usage location (e.g. right where a license needs one): it is an edit of the user, so exactly who may
 * edit them. A license admin may assign licenses but not set a location (Microsoft's license admin can; ours follows
 * DESIGN.md §2's table).
 */
export function canSetUsageLocation(actorRoles: readonly Grantee[], targetIsAdmin: boolean): boolean {
  return canManageUser(actorRoles, targetIsAdmin);
}

/** Licensing a guest needs a global admin (GuestRequiresGlobalAdmin). */
export function canLicenseGuests(actorRoles: readonly Grantee[]): boolean {
  return actorRoles.some((role) => FULL_ADMIN_ROLES.has(role));
}
