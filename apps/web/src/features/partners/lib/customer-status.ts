import type { PartnerCustomer } from "@allot/contracts";

/** Where a customer's relationship with the partner stands, as the Customers page words it. */
export type RelationshipState = "active" | "removed" | "ended";

/** Removed by the customer, ended by its end date, or active (granting access now). */
export function relationshipState(relationship: PartnerCustomer["relationship"]): RelationshipState {
  if (relationship.status === "terminated") return "removed";
  return relationship.grantsAccess ? "active" : "ended";
}
