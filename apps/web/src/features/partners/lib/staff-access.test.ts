import { describe, expect, it } from "vitest";
import { type AccessCustomer, rolesInScope, staffRowActions } from "./staff-access";

const customers: AccessCustomer[] = [
  { relationshipId: "r-contoso", tenantId: "t-contoso", name: "Contoso", grantsAccess: true },
  { relationshipId: "r-fabrikam", tenantId: "t-fabrikam", name: "Fabrikam", grantsAccess: true },
  { relationshipId: "r-tailspin", tenantId: "t-tailspin", name: "Tailspin", grantsAccess: false },
];

function member(access: Record<string, Array<"adminAgent" | "helpdeskAgent" | "salesAgent">>) {
  return {
    customerAccess: Object.entries(access).map(([relationshipId, roles]) => ({
      relationshipId,
      customer: { tenantId: relationshipId, name: relationshipId },
      grantsAccess: true,
      roles,
    })),
  };
}

describe("rolesInScope", () => {
  it("starts a customer from the roles held there, none where none are held", () => {
    const m = member({ "r-contoso": ["helpdeskAgent", "salesAgent"] });
    expect(rolesInScope(m, "r-contoso", customers)).toEqual(["helpdeskAgent", "salesAgent"]);
    expect(rolesInScope(m, "r-fabrikam", customers)).toEqual([]);
  });

  it("starts all customers from the roles held in every customer that grants access", () => {
    const m = member({
      "r-contoso": ["adminAgent", "helpdeskAgent"],
      "r-fabrikam": ["helpdeskAgent", "salesAgent"],
      // A customer that removed the privileges does not count: "for all" leaves it alone.
      "r-tailspin": [],
    });
    expect(rolesInScope(m, "all", customers)).toEqual(["helpdeskAgent"]);
    expect(rolesInScope(m, "all", [])).toEqual([]);
    expect(rolesInScope(m, "all", customers.slice(2))).toEqual([]);
  });
});

describe("staffRowActions", () => {
  const plain = { id: "u-1", roles: [] };
  const admin = { id: "u-2", roles: ["userAdmin" as const] };

  it("the global admin gives access and removes anyone but themself", () => {
    expect(staffRowActions(["globalAdmin"], "me", plain)).toEqual({ access: true, remove: true });
    expect(staffRowActions(["globalAdmin"], "me", admin)).toEqual({ access: true, remove: true });
    expect(staffRowActions(["globalAdmin"], "u-1", plain)).toEqual({ access: true, remove: false });
  });

  it("the user admin removes staff who are not admins and gives no access", () => {
    expect(staffRowActions(["userAdmin"], "me", plain)).toEqual({ access: false, remove: true });
    expect(staffRowActions(["userAdmin"], "me", admin)).toEqual({ access: false, remove: false });
  });

  it("other staff do neither", () => {
    expect(staffRowActions(["member"], "me", plain)).toEqual({ access: false, remove: false });
    expect(staffRowActions(["billingAdmin"], "me", plain)).toEqual({ access: false, remove: false });
  });
});
