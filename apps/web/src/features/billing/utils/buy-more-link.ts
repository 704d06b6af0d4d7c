import type { Subscription } from "@allot/contracts";
import { planAddLicenses } from "@allot/domain";

/** What a "buy more" link needs to know of each of the tenant's subscriptions. */
export type BuyMoreCandidate = Pick<Subscription, "id" | "skuId" | "state" | "source" | "takenOverAt">;

/** Where a "buy more" link's licenses come from, with the subscriptions the dialog works on. */
export type BuyMoreTarget<S extends BuyMoreCandidate> =
  | { kind: "addToSubscription"; subscriptions: S[] }
  | { kind: "convertTrial"; trial: S }
  | { kind: "buy" };

/** The seats a link asks for (`&seats=<n>`): a whole number above 0, else undefined (the dialog's own default). */
export function seatsFromLink(value: string | null): number | undefined {
  const seats = Number(value ?? "");
  return Number.isInteger(seats) && seats > 0 ? seats : undefined;
}

/**
 * "Buy more" of a product (`?buy=<skuId>`), as the domain plans it (planAddLicenses): licenses are added to a
 * subscription of it the tenant has, a usable trial is converted with the seats needed, and only without either is
 * a new subscription bought.
 */
export function buyMoreTarget<S extends BuyMoreCandidate>(
  subscriptions: readonly S[],
  skuId: string,
): BuyMoreTarget<S> {
  const ofProduct = subscriptions.filter((subscription) => subscription.skuId === skuId);
  const plan = planAddLicenses(
    ofProduct.map((subscription) => ({
      id: subscription.id,
      state: subscription.state,
      source: subscription.source,
      takenOver: subscription.takenOverAt !== null,
    })),
  );
  if (plan.kind === "addToSubscription") {
    return {
      kind: "addToSubscription",
      subscriptions: ofProduct.filter((subscription) => plan.subscriptionIds.includes(subscription.id)),
    };
  }
  const trial = plan.kind === "convertTrial" ? ofProduct.find((s) => s.id === plan.subscriptionId) : undefined;
  return trial ? { kind: "convertTrial", trial } : { kind: "buy" };
}
