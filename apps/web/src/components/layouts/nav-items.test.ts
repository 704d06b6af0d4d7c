import type { Role } from "@allot/domain";
import { describe, expect, it } from "vitest";
import { canOpenPage, navItemsFor, selectedNavSection } from "./nav-items";

const sections = (roles: Role[], access: "member" | "delegated" = "member") =>
  navItemsFor({ roles, kind: "customer", access }).map((item) => item.section);

describe("Power Platform in the navigation", () => {
  it("a Power Platform admin sees the Power Platform section, whose Flows stand in for My flows", () => {
    const shown = sections(["powerPlatformAdmin"]);
    expect(shown).toContain("powerPlatform");
    expect(shown).not.toContain("myFlows");
    const items = navItemsFor({ roles: ["powerPlatformAdmin"], kind: "customer", access: "member" });
    expect(selectedNavSection("myFlows", items)).toBe("powerPlatform");
  });

  it("a member (maker) sees My flows only", () => {
    const shown = sections(["member"]);
    expect(shown).toContain("myFlows");
    expect(shown).not.toContain("powerPlatform");
  });

  it("a license admin sees no Power Platform section; a delegated sales agent sees neither", () => {
    // The matrix gives every organization user (license admins too) flows.create: their own flows are My flows.
    expect(sections(["licenseAdmin"])).not.toContain("powerPlatform");
    const agent = sections(["salesAgent"], "delegated");
    expect(agent).not.toContain("powerPlatform");
    expect(agent).not.toContain("myFlows");
  });
});

describe("Buy products (a billing page open to those who may buy)", () => {
  const BUYERS = ["billing.manage", "powerPlatform.buy"] as const;
  const opens = (roles: Role[]) => canOpenPage("billing", BUYERS, { roles, kind: "customer", access: "member" });

  it("opens for billing and Power Platform admins, not for members or license admins", () => {
    expect(opens(["billingAdmin"])).toBe(true);
    expect(opens(["globalAdmin"])).toBe(true);
    expect(opens(["powerPlatformAdmin"])).toBe(true);
    expect(opens(["member"])).toBe(false);
    expect(opens(["licenseAdmin"])).toBe(false);
  });

  it("the rest of Billing stays closed to a Power Platform admin", () => {
    expect(
      canOpenPage("billing", undefined, { roles: ["powerPlatformAdmin"], kind: "customer", access: "member" }),
    ).toBe(false);
  });
});
