import { describe, expect, it } from "vitest";
import { offeredScopes } from "./token-scopes";

describe("offeredScopes", () => {
  it("offers a license admin what the role holds, and not users.manage", () => {
    const scopes = offeredScopes([{ roles: ["licenseAdmin"] }]);
    expect(scopes).toEqual([
      "licenses.assign",
      "requests.approve",
      "requests.create",
      "directory.read",
      "flows.create",
    ]);
    expect(scopes).not.toContain("users.manage");
  });

  it("never offers registering apps, not even to a global admin", () => {
    const scopes = offeredScopes([{ roles: ["globalAdmin"] }]);
    expect(scopes).toContain("users.manage");
    expect(scopes).toContain("audit.read");
    expect(scopes).not.toContain("applications.manage");
  });

  it("adds the rights of every organization reached, each once", () => {
    const scopes = offeredScopes([{ roles: ["member"] }, { roles: ["helpdeskAgent"] }, { roles: ["helpdeskAgent"] }]);
    expect(scopes).toEqual([
      "licenses.assign",
      "billing.selfServicePurchase",
      "users.resetPassword",
      "requests.create",
      "directory.read",
      "flows.create",
    ]);
  });
});
