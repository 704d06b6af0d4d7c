import { type LifecycleSubscription, renewsAutomatically } from "../billing/lifecycle.js";
import { detectConflict } from "../licensing/conflicts.js";
import { type SubscriptionSeats, summarizeSeats } from "../licensing/seats.js";

/** How far ahead a partner's customer list warns of subscriptions that end. */
export const EXPIRY_WARNING_DAYS = 30;

/** One product of a customer as far as seats go: its subscriptions and the seats its holders consume. */
export interface CustomerProductSeats {
  subscriptions: readonly SubscriptionSeats[];
  consumedUnits: number;
}

/** One product of a customer: its subscriptions (with their lifecycle) and the seats its holders consume. */
export interface CustomerProduct extends CustomerProductSeats {
  subscriptions: ReadonlyArray<SubscriptionSeats & LifecycleSubscription>;
}

/** One product's seats at a glance: what the partner's overview adds up over its customers. */
export interface ProductSeatHealth {
  /** Seats held by people. */
  assigned: number;
  /** Usable seats (active, or expired in grace). */
  total: number;
  /** In license conflict (a shortfall of seats, or holders on expired seats), as the conflicts page has it. */
  inConflict: boolean;
}

/** What a partner's customer list shows of one customer's licensing. */
export interface CustomerHealth {
  /** Seats held by people, over all products. */
  assigned: number;
  /** Usable seats (active, or expired in grace), over all products. */
  total: number;
  /** Products in license conflict (a shortfall of seats, or holders on expired seats), as the conflicts page has them. */
  conflicts: number;
  /** Active subscriptions whose term ends within EXPIRY_WARNING_DAYS without renewing by itself. */
  expiring: number;
}

/** An active subscription that ends within `days` of now and will not renew by itself. */
export function endsWithoutRenewalWithin(subscription: LifecycleSubscription, now: Date, days: number): boolean {
  const left = subscription.termEndsAt.getTime() - now.getTime();
  return subscription.state === "active" && !renewsAutomatically(subscription) && left > 0 && left <= days * 86_400_000;
}

/** A product's seats and whether it is in conflict, from the same seat and conflict rules the admin center uses. */
export function productSeatHealth({ subscriptions, consumedUnits }: CustomerProductSeats): ProductSeatHealth {
  return {
    assigned: consumedUnits,
    total: summarizeSeats(subscriptions, consumedUnits).usableUnits,
    inConflict: detectConflict({ productId: "", subscriptions, userIds: [], consumedUnits }) !== null,
  };
}

/** A customer's licensing at a glance: its products' seat health added up, and its subscriptions about to end. */
export function customerHealth(products: readonly CustomerProduct[], now: Date): CustomerHealth {
  const health: CustomerHealth = { assigned: 0, total: 0, conflicts: 0, expiring: 0 };
  for (const product of products) {
    const seats = productSeatHealth(product);
    health.assigned += seats.assigned;
    health.total += seats.total;
    if (seats.inConflict) health.conflicts += 1;
    health.expiring += product.subscriptions.filter((s) =>
      endsWithoutRenewalWithin(s, now, EXPIRY_WARNING_DAYS),
    ).length;
  }
  return health;
}
