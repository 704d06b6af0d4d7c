import { usesPremiumConnectors } from "./connectors.js";
import { ATTENDED_RPA_PLANS, PREMIUM_FLOW_PLANS, STANDARD_FLOW_PLANS } from "./products.js";

export const FLOW_KINDS = ["cloud", "desktopAttended", "desktopUnattended"] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** Which license pays for a flow: its owner's (the default), or a Process or Per flow unit of its environment. */
export const FLOW_LICENSE_MODES = ["owner", "process", "perFlow"] as const;
export type FlowLicenseMode = (typeof FLOW_LICENSE_MODES)[number];

/** Products that give a user the service plans a flow needs, to name in LicenseRequired's `missing`. */
export const PREMIUM_PER_USER_PRODUCTS = ["POWERAUTOMATE_ATTENDED_RPA"] as const;
export const STANDARD_PER_USER_PRODUCTS = ["SPE_E3", "O365_BUSINESS_PREMIUM", "POWERAUTOMATE_ATTENDED_RPA"] as const;

export interface FlowToRun {
  kind: FlowKind;
  licenseMode: FlowLicenseMode;
  connectors: readonly string[];
  suspendedByDlp: boolean;
}

export interface Runner {
  /** Service plans the user holds in effect (enabled plans of their active licenses). */
  servicePlans: ReadonlySet<string>;
}

export type RunCheck =
  | { allowed: true; paidBy: { licenseMode: FlowLicenseMode; servicePlan: string | null } }
  | { allowed: false; code: "LicenseRequired" | "DlpViolation"; missing: string[] };

/**
 * Whether a user may run a flow, and which license pays (seed 004): a flow on Process or Per flow capacity may be run
 * by anyone, premium connectors included; on its owner's license, the person who runs it needs a premium per-user
 * plan for premium connectors or an attended desktop flow, and any Power Automate plan (Microsoft 365's included)
 * otherwise. Unattended desktop flows run on capacity only. A flow a DLP policy suspended runs for no one.
 */
export function checkFlowRun(flow: FlowToRun, runner: Runner): RunCheck {
  if (flow.suspendedByDlp) return { allowed: false, code: "DlpViolation", missing: [] };
  if (flow.licenseMode !== "owner")
    return { allowed: true, paidBy: { licenseMode: flow.licenseMode, servicePlan: null } };
  if (flow.kind === "desktopUnattended") {
    return { allowed: false, code: "LicenseRequired", missing: ["POWERAUTOMATE_PROCESS", "FLOW_BUSINESS_PROCESS"] };
  }
  const needsPremium = flow.kind === "desktopAttended" || usesPremiumConnectors(flow.connectors);
  const plans =
    flow.kind === "desktopAttended" ? ATTENDED_RPA_PLANS : needsPremium ? PREMIUM_FLOW_PLANS : STANDARD_FLOW_PLANS;
  const plan = [...plans].find((name) => runner.servicePlans.has(name));
  if (plan) return { allowed: true, paidBy: { licenseMode: "owner", servicePlan: plan } };
  return {
    allowed: false,
    code: "LicenseRequired",
    missing: needsPremium ? [...PREMIUM_PER_USER_PRODUCTS] : [...STANDARD_PER_USER_PRODUCTS],
  };
}

/** Who may switch a flow's license mode (and edit it): its owner, a co-owner, or an admin of the Power Platform. */
export function canEditFlow(
  actor: { userId: string; managesPowerPlatform: boolean },
  flow: { ownerUserId: string; coOwnerIds: readonly string[] },
): boolean {
  return actor.managesPowerPlatform || actor.userId === flow.ownerUserId || flow.coOwnerIds.includes(actor.userId);
}

/** What a flow in a license mode needs of its environment's capacity: one unit of Process or Per flow, or none. */
export function flowDemand(mode: FlowLicenseMode): { processFlows: number; perFlowFlows: number } {
  return { processFlows: mode === "process" ? 1 : 0, perFlowFlows: mode === "perFlow" ? 1 : 0 };
}
