/** A partner's relationship with a customer, as far as access through it goes. */
export interface PartnerRelationshipTerms {
  status: "active" | "terminated";
  /** When access ends by itself; null: until the customer removes it. */
  endsAt: Date | null;
}

/**
 * Whether a relationship lets the partner's agents into the customer now: the customer has not removed the delegated
 * privileges, and the end date, if it has one, has not come.
 */
export function relationshipGrantsAccess(terms: PartnerRelationshipTerms, now: Date): boolean {
  return terms.status === "active" && (terms.endsAt === null || terms.endsAt.getTime() > now.getTime());
}
