/**
 * Which products belong to the Power Platform (Power Automate, Power BI, Power Apps families): the only ones a Power
 * Platform admin may buy. Told apart by Microsoft's skuPartNumber prefixes, which name the family.
 */
const POWER_PLATFORM_PREFIXES = ["POWERAUTOMATE_", "FLOW_", "POWER_BI_", "POWERAPPS_", "POWERAPPS"] as const;

export function isPowerPlatformProduct(skuPartNumber: string): boolean {
  return POWER_PLATFORM_PREFIXES.some((prefix) => skuPartNumber.startsWith(prefix));
}

/**
 * Service plans that let a user run flows with premium connectors (and attended desktop flows) on their own license:
 * Power Automate Premium's, and the Power Automate trial's while it lasts.
 */
export const PREMIUM_FLOW_PLANS: ReadonlySet<string> = new Set([
  "FLOW_PREMIUM",
  "POWER_AUTOMATE_ATTENDED_RPA",
  "FLOW_P2_VIRAL",
]);

/** Service plans that let a user run flows with standard connectors: Microsoft 365's Power Automate, or premium. */
export const STANDARD_FLOW_PLANS: ReadonlySet<string> = new Set(["FLOW_O365_P2", ...PREMIUM_FLOW_PLANS]);

/** Service plans that let a user run attended desktop flows (RPA) on their own license. */
export const ATTENDED_RPA_PLANS: ReadonlySet<string> = new Set(["POWER_AUTOMATE_ATTENDED_RPA", "FLOW_P2_VIRAL"]);
