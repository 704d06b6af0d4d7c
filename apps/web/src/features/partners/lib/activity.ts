import { type PartnerActivityEvent, uuidSchema } from "@allot/contracts";
import { DELEGATED_ROLES, type DelegatedRole } from "@allot/domain";

/** The Activity page's filters, as the address holds them (`?customer=&staff=`); undefined: any. */
export interface ActivityFilter {
  customer: string | undefined;
  staff: string | undefined;
}

/** Reads the filters from the address; anything but an id (a hand-edited address) means no filter. */
export function activityFilterFrom(params: URLSearchParams): ActivityFilter {
  const id = (name: string) => {
    const value = params.get(name) ?? "";
    return uuidSchema.safeParse(value).success ? value.toLowerCase() : undefined;
  };
  return { customer: id("customer"), staff: id("staff") };
}

/** A change of a staff member's customer access, as the partner's audit event records it. */
export interface AccessChange {
  customer: string;
  before: DelegatedRole[];
  after: DelegatedRole[];
}

function roles(value: unknown): DelegatedRole[] | null {
  if (!Array.isArray(value)) return null;
  const known = value.filter((role): role is DelegatedRole => DELEGATED_ROLES.includes(role as DelegatedRole));
  return known.length === value.length ? known : null;
}

/**
 * Who was given what where, from a partnerStaff.accessChanged event's before and after: the customer's name and the
 * roles before and after; null for any other event (or one whose shape this version does not know).
 */
export function accessChangeOf(event: Pick<PartnerActivityEvent, "action" | "before" | "after">): AccessChange | null {
  if (event.action !== "partnerStaff.accessChanged") return null;
  const after = event.after as { customer?: { name?: unknown }; roles?: unknown } | null;
  const before = event.before as { roles?: unknown } | null;
  const customer = after?.customer?.name;
  const was = roles(before?.roles);
  const is = roles(after?.roles);
  if (typeof customer !== "string" || !was || !is) return null;
  return { customer, before: was, after: is };
}
