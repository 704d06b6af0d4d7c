import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ACTIONS,
  type Action,
  allowedActions,
  can,
  canLicenseGuests,
  canManageStaffMember,
  canManageUser,
  canResetPassword,
  canSetUsageLocation,
  type Grantee,
  tokenGrantees,
} from "./permissions.js";
import { ALL_ROLES, APPLICATION_PERMISSIONS, type ApplicationPermission, type Role } from "./roles.js";

// DESIGN.md §2 and Partner Center's delegated roles, written out by hand so the matrix in code is checked against the
// documents, not against itself. Columns: assign/remove licenses, manage billing, read billing, self-service
// purchase, create/delete/restore users, reset passwords, approve requests, request a license, read the directory,
// read the audit log, manage partner relationships (the organization's own global admin only), the partner
// center's: manage the partner's staff, grant them access to customers, see every customer and everyone's activity;
// and the Power Platform's (seed 004): manage environments, capacity and DLP, buy its products, own flows.
const Y = true;
const N = false;
const EXPECTED: Record<Role | ApplicationPermission, Record<Action, boolean>> = {
  //              licenses.assign billing.manage billing.read selfService users.manage resetPassword approve create   dirRead audit partners staff grant seeAll | ppManage ppBuy flows | groups apps
  globalAdmin: row(Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y),
  billingAdmin: row(N, Y, Y, N, N, N, N, Y, Y, N, N, N, N, N, N, N, Y, N, N),
  userAdmin: row(Y, N, N, N, Y, Y, Y, Y, Y, N, N, Y, N, N, N, N, Y, Y, N),
  licenseAdmin: row(Y, N, N, N, N, N, Y, Y, Y, N, N, N, N, N, N, N, Y, N, N),
  helpdeskAdmin: row(N, N, N, N, N, Y, N, Y, Y, N, N, N, N, N, N, N, Y, N, N),
  serviceAdmin: row(N, N, N, N, N, N, N, Y, Y, N, N, N, N, N, N, N, Y, N, N),
  powerPlatformAdmin: row(N, N, N, N, N, N, N, Y, Y, N, N, N, N, N, Y, Y, Y, N, N),
  member: row(N, N, N, Y, N, N, N, Y, N, N, N, N, N, N, N, N, Y, N, N),
  adminAgent: row(Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, N, N, N, N, Y, Y, N, Y, N),
  helpdeskAgent: row(Y, N, N, N, N, Y, N, Y, Y, N, N, N, N, N, N, N, N, N, N),
  salesAgent: row(Y, Y, Y, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, N, N),
  // App registrations' Graph application permissions: reading the directory, and each write right on its own.
  "User.Read.All": row(N, N, N, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, N, N),
  "User.ReadWrite.All": row(N, N, N, N, Y, N, N, N, Y, N, N, N, N, N, N, N, N, N, N),
  "Group.ReadWrite.All": row(N, N, N, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, Y, N),
  "Directory.Read.All": row(N, N, Y, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, N, N),
  "LicenseAssignment.ReadWrite.All": row(Y, N, N, N, N, N, N, N, Y, N, N, N, N, N, N, N, N, N, N),
  "Organization.Read.All": row(N, N, Y, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N, N),
};

const ALL_GRANTEES: ReadonlyArray<Role | ApplicationPermission> = [...ALL_ROLES, ...APPLICATION_PERMISSIONS];

function row(...allowed: boolean[]): Record<Action, boolean> {
  expect(allowed).toHaveLength(ACTIONS.length);
  return Object.fromEntries(ACTIONS.map((action, index) => [action, allowed[index]])) as Record<Action, boolean>;
}

describe("permission matrix (DESIGN.md §2)", () => {
  for (const role of ALL_GRANTEES) {
    for (const action of ACTIONS) {
      const expected = EXPECTED[role][action];
      it(`${role} ${expected ? "may" : "may not"} ${action}`, () => {
        expect(can([role], action)).toBe(expected);
      });
    }
  }

  it("lists exactly the allowed actions of a role", () => {
    expect(allowedActions(["licenseAdmin"])).toEqual([
      "licenses.assign",
      "requests.approve",
      "requests.create",
      "directory.read",
      "flows.create",
    ]);
    expect(allowedActions([])).toEqual([]);
    expect(allowedActions(["User.ReadWrite.All", "Group.ReadWrite.All"])).toEqual([
      "users.manage",
      "directory.read",
      "groups.manage",
    ]);
  });

  it("grants the union of several roles' rights, and nothing more", () => {
    fc.assert(
      fc.property(fc.subarray([...ALL_GRANTEES]), fc.constantFrom(...ACTIONS), (roles, action) => {
        expect(can(roles, action)).toBe(roles.some((role) => EXPECTED[role][action]));
      }),
    );
  });
});

describe("personal access tokens", () => {
  it("grant exactly the scopes they carry that the person's roles grant", () => {
    fc.assert(
      fc.property(
        fc.subarray([...ALL_ROLES]),
        fc.subarray([...ACTIONS]),
        fc.constantFrom(...ACTIONS),
        (roles, scopes, action) => {
          expect(can(tokenGrantees(roles, scopes), action)).toBe(can(roles, action) && scopes.includes(action));
        },
      ),
    );
  });

  it("keep a full admin's standing on admins and guests, within their scopes", () => {
    const admin = tokenGrantees(["globalAdmin"], ["users.manage", "licenses.assign"]);
    expect(canManageUser(admin, true)).toBe(true);
    expect(canLicenseGuests(admin)).toBe(true);
    expect(canResetPassword(admin, true)).toBe(false);
    const userAdmin = tokenGrantees(["userAdmin"], ["users.manage"]);
    expect(canManageUser(userAdmin, true)).toBe(false);
    expect(canManageUser(userAdmin, false)).toBe(true);
  });
});

describe("acting on another user", () => {
  it("user and helpdesk admins reset passwords of non-admins only", () => {
    for (const role of ["userAdmin", "helpdeskAdmin", "helpdeskAgent"] as const) {
      expect(canResetPassword([role], false)).toBe(true);
      expect(canResetPassword([role], true)).toBe(false);
    }
  });

  it("global admins and admin agents reset anyone's password", () => {
    for (const role of ["globalAdmin", "adminAgent"] as const) {
      expect(canResetPassword([role], true)).toBe(true);
      expect(canResetPassword([role], false)).toBe(true);
    }
  });

  it("roles without the reset right reset nobody's password", () => {
    for (const role of ["billingAdmin", "licenseAdmin", "serviceAdmin", "member", "salesAgent"] as const) {
      expect(canResetPassword([role], false)).toBe(false);
      expect(canResetPassword([role], true)).toBe(false);
    }
  });

  it("user admins manage non-admins only; helpdesk admins manage nobody", () => {
    expect(canManageUser(["userAdmin"], false)).toBe(true);
    expect(canManageUser(["userAdmin"], true)).toBe(false);
    expect(canManageUser(["globalAdmin"], true)).toBe(true);
    expect(canManageUser(["helpdeskAdmin"], false)).toBe(false);
  });

  it("sets a usage location where it may edit the user, whatever its licensing rights", () => {
    expect(canSetUsageLocation(["globalAdmin"], true)).toBe(true);
    expect(canSetUsageLocation(["userAdmin"], false)).toBe(true);
    expect(canSetUsageLocation(["userAdmin"], true)).toBe(false);
    expect(canSetUsageLocation(["licenseAdmin"], false)).toBe(false);
    expect(canSetUsageLocation(["adminAgent"], true)).toBe(true);
    expect(canSetUsageLocation(["helpdeskAgent"], false)).toBe(false);
  });

  it("an app edits and licenses non-admin members only, whatever its permissions", () => {
    const app: Grantee[] = [...APPLICATION_PERMISSIONS];
    expect(canManageUser(app, false)).toBe(true);
    expect(canManageUser(app, true)).toBe(false);
    expect(canResetPassword(app, false)).toBe(false);
    expect(canLicenseGuests(app)).toBe(false);
  });

  it("only full admins license guests", () => {
    expect(canLicenseGuests(["globalAdmin"])).toBe(true);
    expect(canLicenseGuests(["adminAgent"])).toBe(true);
    expect(canLicenseGuests(["licenseAdmin", "userAdmin"])).toBe(false);
  });
});

describe("managing a partner's staff", () => {
  it("the partner's global admin manages anyone on its staff, its user admin only those without an admin role", () => {
    expect(canManageStaffMember(["globalAdmin"], true)).toBe(true);
    expect(canManageStaffMember(["globalAdmin"], false)).toBe(true);
    expect(canManageStaffMember(["userAdmin"], false)).toBe(true);
    expect(canManageStaffMember(["userAdmin"], true)).toBe(false);
  });

  it("no other role manages staff, and only the global admin gives staff access to customers", () => {
    for (const role of ALL_ROLES.filter((candidate) => candidate !== "globalAdmin" && candidate !== "userAdmin")) {
      expect(canManageStaffMember([role], false), role).toBe(false);
    }
    expect(ALL_ROLES.filter((role) => can([role], "partnerAccess.grant"))).toEqual(["globalAdmin"]);
  });
});
