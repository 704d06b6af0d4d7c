import { describe, expect, it } from "vitest";
import { canEditFlow, checkFlowRun, type FlowToRun, flowDemand } from "./flows.js";

const cloud = (connectors: string[], licenseMode: FlowToRun["licenseMode"] = "owner"): FlowToRun => ({
  kind: "cloud",
  licenseMode,
  connectors,
  suspendedByDlp: false,
});
const runner = (...plans: string[]) => ({ servicePlans: new Set(plans) });
const PREMIUM = ["shared_sharepointonline", "shared_sql"];
const STANDARD = ["shared_sharepointonline", "shared_office365"];

describe("checkFlowRun", () => {
  it("lets anyone run a flow on Process or Per flow capacity, premium connectors and desktop flows included", () => {
    for (const licenseMode of ["process", "perFlow"] as const) {
      for (const kind of ["cloud", "desktopAttended", "desktopUnattended"] as const) {
        expect(checkFlowRun({ kind, licenseMode, connectors: PREMIUM, suspendedByDlp: false }, runner())).toEqual({
          allowed: true,
          paidBy: { licenseMode, servicePlan: null },
        });
      }
    }
  });

  it("on the owner's license, premium connectors need a premium plan of the runner; Microsoft 365's is not enough", () => {
    expect(checkFlowRun(cloud(PREMIUM), runner("FLOW_O365_P2"))).toEqual({
      allowed: false,
      code: "LicenseRequired",
      missing: ["POWERAUTOMATE_ATTENDED_RPA"],
    });
    expect(checkFlowRun(cloud(PREMIUM), runner("FLOW_O365_P2", "FLOW_PREMIUM"))).toEqual({
      allowed: true,
      paidBy: { licenseMode: "owner", servicePlan: "FLOW_PREMIUM" },
    });
    // The Power Automate trial's plan counts while it lasts.
    expect(checkFlowRun(cloud(PREMIUM), runner("FLOW_P2_VIRAL"))).toMatchObject({ allowed: true });
  });

  it("standard connectors are covered by Microsoft 365's Power Automate (FLOW_O365_P2) or any premium plan", () => {
    expect(checkFlowRun(cloud(STANDARD), runner("FLOW_O365_P2"))).toEqual({
      allowed: true,
      paidBy: { licenseMode: "owner", servicePlan: "FLOW_O365_P2" },
    });
    expect(checkFlowRun(cloud(STANDARD), runner("FLOW_PREMIUM"))).toMatchObject({ allowed: true });
    expect(checkFlowRun(cloud([]), runner("FLOW_O365_P2"))).toMatchObject({ allowed: true });
  });

  it("a runner without any Power Automate plan is told which products would let them run a standard flow", () => {
    expect(checkFlowRun(cloud(STANDARD), runner("EXCHANGE_S_STANDARD"))).toEqual({
      allowed: false,
      code: "LicenseRequired",
      missing: ["SPE_E3", "O365_BUSINESS_PREMIUM", "POWERAUTOMATE_ATTENDED_RPA"],
    });
  });

  it("an attended desktop flow needs the attended RPA plan, premium cloud flows' plan is not enough", () => {
    const attended: FlowToRun = {
      kind: "desktopAttended",
      licenseMode: "owner",
      connectors: [],
      suspendedByDlp: false,
    };
    expect(checkFlowRun(attended, runner("FLOW_O365_P2", "FLOW_PREMIUM"))).toEqual({
      allowed: false,
      code: "LicenseRequired",
      missing: ["POWERAUTOMATE_ATTENDED_RPA"],
    });
    expect(checkFlowRun(attended, runner("FLOW_PREMIUM", "POWER_AUTOMATE_ATTENDED_RPA"))).toEqual({
      allowed: true,
      paidBy: { licenseMode: "owner", servicePlan: "POWER_AUTOMATE_ATTENDED_RPA" },
    });
  });

  it("an unattended desktop flow runs on capacity only: no per-user plan pays for it", () => {
    const unattended: FlowToRun = {
      kind: "desktopUnattended",
      licenseMode: "owner",
      connectors: [],
      suspendedByDlp: false,
    };
    expect(checkFlowRun(unattended, runner("FLOW_PREMIUM", "POWER_AUTOMATE_ATTENDED_RPA"))).toEqual({
      allowed: false,
      code: "LicenseRequired",
      missing: ["POWERAUTOMATE_PROCESS", "FLOW_BUSINESS_PROCESS"],
    });
    expect(checkFlowRun({ ...unattended, licenseMode: "process" }, runner())).toMatchObject({ allowed: true });
  });

  it("a flow a DLP policy suspended runs for no one, whatever pays for it", () => {
    for (const licenseMode of ["owner", "process", "perFlow"] as const) {
      expect(checkFlowRun({ ...cloud(STANDARD, licenseMode), suspendedByDlp: true }, runner("FLOW_PREMIUM"))).toEqual({
        allowed: false,
        code: "DlpViolation",
        missing: [],
      });
    }
  });
});

describe("canEditFlow", () => {
  const flow = { ownerUserId: "owner", coOwnerIds: ["co"] };
  it("owner, co-owner and Power Platform admins edit; another maker does not", () => {
    expect(canEditFlow({ userId: "owner", managesPowerPlatform: false }, flow)).toBe(true);
    expect(canEditFlow({ userId: "co", managesPowerPlatform: false }, flow)).toBe(true);
    expect(canEditFlow({ userId: "admin", managesPowerPlatform: true }, flow)).toBe(true);
    expect(canEditFlow({ userId: "other", managesPowerPlatform: false }, flow)).toBe(false);
  });
});

describe("flowDemand", () => {
  it("one unit of the add-on the flow's mode names, none on the owner's license", () => {
    expect(flowDemand("owner")).toEqual({ processFlows: 0, perFlowFlows: 0 });
    expect(flowDemand("process")).toEqual({ processFlows: 1, perFlowFlows: 0 });
    expect(flowDemand("perFlow")).toEqual({ processFlows: 0, perFlowFlows: 1 });
  });
});
